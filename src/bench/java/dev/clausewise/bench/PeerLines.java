package dev.clausewise.bench;

import dev.clausewise.policy.Policy;
import dev.clausewise.policy.ScopeQualifier;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.Identifiability;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * What the peer encodings share: a policy's statements cut into lines of one key per dimension (so that a line's
 * depth on each dimension is fixed, as specificity needs), which line removes which, and how the context settles
 * a condition. The encodings translate these into their own languages; nothing here decides a question.
 */
final class PeerLines {
    static final String ANY_KEY = "*";

    /** One key per matched dimension ({@link #ANY_KEY} where the statement omits it) and the depth of each. */
    record Line(Statement statement, String[] keys, int[] depth) {
        boolean isDeny() {
            return statement.effect() == dev.clausewise.policy.Effect.DENY;
        }

        /** The identifiability level the statement's scope qualifier requires (0: none, every question is in scope). */
        int scopeLevel() {
            return statement.conditions().stream().flatMap(c -> ScopeQualifier.of(c).stream())
                    .mapToInt(q -> Identifiability.requiredBy(q).level()).max().orElse(0);
        }

        /** The conditions that must hold, scope qualifiers aside (they decide whether the line applies at all). */
        List<String> required() {
            return statement.conditions().stream().filter(c -> ScopeQualifier.of(c).isEmpty()).toList();
        }
    }

    /** How the context settles a condition (docs/semantics.md, section 4); OPEN: never settled, so never defeated. */
    enum Kind { CONSENT, OPT_OUT, DO_NOT_TRACK, LEGAL_PROCESS, OPEN }

    static Kind kind(String condition) {
        if (condition.equals("choice.opt_in") || condition.equals("legal_basis.consent") || condition.equals("trigger.parental_consent")) {
            return Kind.CONSENT;
        }
        if (condition.equals("choice.opt_out.browser_device.do_not_track")) {
            return Kind.DO_NOT_TRACK;
        }
        if (KeyTree.isAncestorOrSelf("choice.opt_out", condition)) {
            return Kind.OPT_OUT;
        }
        return condition.equals("trigger.required_by_law") ? Kind.LEGAL_PROCESS : Kind.OPEN;
    }

    private final Vocabulary vocabulary;
    private final List<Line> lines;

    PeerLines(Policy policy, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.lines = expand(policy);
    }

    List<Line> lines() {
        return lines;
    }

    private List<Line> expand(Policy policy) {
        List<Line> out = new ArrayList<>();
        for (Statement s : policy.statements()) {
            List<String[]> combos = new ArrayList<>();
            combos.add(new String[Dimension.MATCHED.size()]);
            for (int d = 0; d < Dimension.MATCHED.size(); d++) {
                List<String> keys = s.keys(Dimension.MATCHED.get(d));
                List<String[]> next = new ArrayList<>();
                for (String[] combo : combos) {
                    for (String k : keys.isEmpty() ? List.of(ANY_KEY) : keys) {
                        String[] c = combo.clone();
                        c[d] = k;
                        next.add(c);
                    }
                }
                combos = next;
            }
            for (String[] keys : combos) {
                int[] depth = new int[keys.length];
                for (int d = 0; d < keys.length; d++) {
                    depth[d] = keys[d].equals(ANY_KEY) ? 0
                            : Dimension.MATCHED.get(d).isRegional() ? vocabulary.regions().depth(keys[d]) : KeyTree.depth(keys[d]);
                }
                out.add(new Line(s, keys, depth));
            }
        }
        return out;
    }

    /**
     * Whether line a removes line b whenever both apply: a lists b's statement in {@code overrides:}, or a is at
     * least as deep on every dimension and deeper on one, unless b's statement overrides a's (docs/semantics.md,
     * section 3). Lines of one statement never remove each other.
     */
    boolean removes(Line a, Line b) {
        Statement sa = a.statement();
        Statement sb = b.statement();
        if (sa == sb || !canMeet(a, b)) {
            return false;
        }
        if (sa.overrides().contains(sb.id())) {
            return true;
        }
        boolean deeper = false;
        for (int d = 0; d < a.depth().length; d++) {
            if (a.depth()[d] < b.depth()[d]) {
                return false;
            }
            deeper |= a.depth()[d] > b.depth()[d];
        }
        return deeper && !sb.overrides().contains(sa.id());
    }

    /** Whether some question can match both lines: on every dimension one key is the other's ancestor. */
    boolean canMeet(Line a, Line b) {
        for (int d = 0; d < a.keys().length; d++) {
            String x = a.keys()[d];
            String y = b.keys()[d];
            if (x.equals(ANY_KEY) || y.equals(ANY_KEY)) {
                continue;
            }
            boolean related = Dimension.MATCHED.get(d).isRegional()
                    ? vocabulary.regions().isAncestorOrSelf(x, y) || vocabulary.regions().isAncestorOrSelf(y, x)
                    : KeyTree.isAncestorOrSelf(x, y) || KeyTree.isAncestorOrSelf(y, x);
            if (!related) {
                return false;
            }
        }
        return true;
    }

    /** The distinct practices strictly below {@code key}: an allow on {@code key} does not reach them. */
    List<String> distinctBelow(String key) {
        return vocabulary.tree(Dimension.PRACTICE).distinct().stream()
                .filter(act -> !act.equals(key) && (key.equals(ANY_KEY) || KeyTree.isAncestorOrSelf(key, act))).sorted().toList();
    }
}
