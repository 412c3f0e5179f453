package dev.clausewise.compiler;

import dev.clausewise.check.PolicyChecker;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import java.util.regex.Pattern;

/**
 * The only ways authored text reaches DRL: as an identifier or key that matches a strict pattern, written
 * inside a string literal, or escaped. Nothing else from YAML is ever written into the rules.
 */
public final class DrlLiterals {
    private static final Pattern SAFE_COMMENT = Pattern.compile("[A-Za-z0-9._/ -]*");

    private DrlLiterals() {
    }

    public static boolean isStatementId(String s) {
        return s != null && PolicyChecker.ID.matcher(s).matches();
    }

    public static boolean isKey(String s) {
        return s != null && KeyTree.KEY.matcher(s).matches();
    }

    public static boolean isRegion(String s) {
        return s != null && RegionTree.CODE.matcher(s).matches();
    }

    /** A Java/DRL string literal for any text: quotes, backslashes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Text for a // comment: kept only when it holds no character that could end or escape the comment. */
    public static String comment(String s) {
        return s != null && SAFE_COMMENT.matcher(s).matches() ? s : "(name withheld)";
    }
}
