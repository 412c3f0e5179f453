package dev.clausewise.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.util.Drools;

/**
 * The key a cache entry of compiled rules is valid for: what was compiled (digests given by the caller), the engine
 * rules, the Drools and JDK versions, and the bytecode of every class the DRL imports. Compiled consequences call
 * those classes' methods, so a changed fact class (a new Candidate.of signature) must miss, not fail at run time.
 */
final class RuleKey {
    /** Bumped when the entry format or what goes into a key changes. */
    private static final String FORMAT = "1";
    private static final Pattern TYPE = Pattern.compile("(?m)^\\s*(?:import|global)\\s+([A-Za-z_$][\\w$.]*)");
    private static final ConcurrentHashMap<String, String> CLASS_DIGESTS = new ConcurrentHashMap<>();

    private RuleKey() {
    }

    /** A one-line key: {@code kind} and {@code what} (digests of the compiled input), then the environment. */
    static String of(String kind, String what, String drl) {
        return "format " + FORMAT + " " + kind + " " + what + " engine-rules " + EngineRules.digest()
                + " drools " + Drools.getFullVersion() + " jdk " + Runtime.version() + "/" + System.getProperty("java.vm.vendor")
                + " classes " + classes(drl);
    }

    /** A key for what depends on {@code drl} and, beyond the classes it imports, on {@code code} (their bytecode). */
    static String of(String kind, String what, String drl, Collection<Class<?>> code) {
        Set<String> names = new TreeSet<>();
        code.forEach(c -> names.add(c.getName()));
        return of(kind, what, drl) + " code " + classes(names);
    }

    /** The SHA-256 over the bytecode of each class the DRL imports or declares a global of, in name order. */
    static String classes(String drl) {
        Set<String> names = new TreeSet<>();
        Matcher m = TYPE.matcher(drl);
        while (m.find()) {
            names.add(m.group(1));
        }
        return classes(names);
    }

    private static String classes(Set<String> names) {
        StringBuilder all = new StringBuilder();
        for (String n : names) {
            all.append(n).append('=').append(CLASS_DIGESTS.computeIfAbsent(n, RuleKey::classDigest)).append('\n');
        }
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String classDigest(String className) {
        try (InputStream in = RuleKey.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in == null ? "absent" : sha256(in.readAllBytes());
        } catch (IOException e) {
            return "unreadable";
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
