package dev.clausewise.bench;

import dev.clausewise.policy.Effect;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.Query;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.StringJoiner;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.util.Util;

/**
 * A policy's statements written in jCasbin's own language, as a Casbin user would: key ancestry as role
 * hierarchies (g, g2 ... g6, one per dimension, regions for region and destination), the context's settling of
 * conditions as attribute checks on roles of condition kinds (g7), one policy line per combination of a
 * statement's keys, and the "priority" effect so that a more specific or explicitly overriding statement
 * decides before the statements it removes. Clausewise semantics that have no Casbin counterpart (open
 * conditions, refinements, DEPENDS) stay out: the peers answer only the allow/deny subset.
 */
public final class CasbinEncoding {
    /** "not limited" in a request: a name no role or key has, so only a line that omits the dimension matches. */
    static final String NONE = "~";
    static final String ANY_KEY = "*";
    private static final String NO_CONDITION = "-";
    private static final String[] G = {"g", "g2", "g3", "g4", "g5", "g6", "g6"};

    /** One policy line: a statement with one key per dimension, the conditions case it stands for, its effect. */
    record Line(Statement statement, String[] keys, int[] depth, String when, String effect) {
    }

    private final Policy policy;
    private final Vocabulary vocabulary;
    private final int slots;
    private final List<Line> lines;

    private CasbinEncoding(Policy policy, Vocabulary vocabulary) {
        this.policy = policy;
        this.vocabulary = vocabulary;
        this.slots = Math.max(1, policy.statements().stream().mapToInt(s -> s.conditions().size()).max().orElse(1));
        this.lines = prioritized(expand());
    }

    public static CasbinEncoding of(Policy policy, Vocabulary vocabulary) {
        return new CasbinEncoding(policy, vocabulary);
    }

    public int lineCount() {
        return lines.size();
    }

    /** Writes model.conf and policy.csv under {@code dir} and loads them the way any Casbin user does. */
    public Enforcer enforcer(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path model = dir.resolve("model.conf");
        Path csv = dir.resolve("policy.csv");
        Files.writeString(model, model(), StandardCharsets.UTF_8);
        Files.writeString(csv, policyCsv(), StandardCharsets.UTF_8);
        // jCasbin logs every loaded role link and every decision at INFO otherwise.
        Util.enableLog = false;
        return new Enforcer(model.toString(), csv.toString());
    }

    /** The request for a question: canonical keys as asked, NONE for "not limited", the context as words. */
    public static Object[] request(Query q) {
        Query.Context c = q.context() == null ? Query.Context.NONE : q.context();
        return new Object[] {q.practice(), q.data() == null ? "user" : q.data(), orNone(q.recipient()), orNone(q.purpose()),
                orNone(q.subject()), q.region() == null ? RegionTree.ANY : q.region(), orNone(q.destination()),
                c.consent() == null ? "unknown" : c.consent(), word(c.optedOut()), word(c.legalProcess()),
                c.identifiability() == null ? "identified" : c.identifiability()};
    }

    private static String orNone(String s) {
        return s == null ? NONE : s;
    }

    private static String word(Boolean b) {
        return b == null ? "unknown" : b.toString();
    }

    String model() {
        StringJoiner conditions = new StringJoiner(", ");
        for (int i = 1; i <= slots; i++) {
            conditions.add("c" + i);
        }
        StringJoiner scope = new StringJoiner(" && ");
        for (int d = 0; d < Dimension.MATCHED.size(); d++) {
            String name = Dimension.MATCHED.get(d).key();
            scope.add("(p." + name + " == '*' || " + G[d] + "(r." + name + ", p." + name + "))");
        }
        StringJoiner clear = new StringJoiner(" && ");
        StringJoiner defeated = new StringJoiner(" || ");
        for (int i = 1; i <= slots; i++) {
            String c = "p.c" + i;
            clear.add("(" + c + " == '-' || g7(" + c + ", 'always')"
                    + " || g7(" + c + ", 'consent') && r.consent == 'granted'"
                    + " || g7(" + c + ", 'opt_out') && r.optedOut == 'false'"
                    + " || g7(" + c + ", 'legal_process') && r.legalProcess == 'true'"
                    + " || g7(" + c + ", 'pseudonymized') && r.identifiability != 'identified'"
                    + " || g7(" + c + ", 'aggregated') && (r.identifiability == 'aggregated' || r.identifiability == 'anonymized'))");
            defeated.add("g7(" + c + ", 'consent') && r.consent == 'denied'"
                    + " || g7(" + c + ", 'opt_out') && r.optedOut == 'true'"
                    + " || g7(" + c + ", 'legal_process') && r.legalProcess == 'false'"
                    + " || g7(" + c + ", 'pseudonymized') && r.identifiability == 'identified'"
                    + " || g7(" + c + ", 'aggregated') && (r.identifiability == 'identified' || r.identifiability == 'pseudonymized')");
        }
        return "[request_definition]\n"
                + "r = practice, data, recipient, purpose, subject, region, destination, consent, optedOut, legalProcess, identifiability\n\n"
                + "[policy_definition]\n"
                + "p = priority, practice, data, recipient, purpose, subject, region, destination, " + conditions + ", when, eft, statement\n\n"
                + "[role_definition]\n"
                + "g = _, _\ng2 = _, _\ng3 = _, _\ng4 = _, _\ng5 = _, _\ng6 = _, _\ng7 = _, _\n\n"
                + "[policy_effect]\n"
                + "e = priority(p.eft) || deny\n\n"
                + "[matchers]\n"
                + "m = " + scope + " && (p.when == 'always' || p.when == 'clear' && " + clear
                + " || p.when == 'defeated' && (" + defeated + "))\n";
    }

    String policyCsv() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            List<String> row = new ArrayList<>();
            row.add("p");
            row.add(Integer.toString(i + 1));
            row.addAll(Arrays.asList(l.keys()));
            List<String> cs = l.statement().conditions();
            for (int c = 0; c < slots; c++) {
                row.add(c < cs.size() ? cs.get(c) : NO_CONDITION);
            }
            row.add(l.when());
            row.add(l.effect());
            row.add(l.statement().id());
            out.append(String.join(", ", row)).append('\n');
        }
        for (int d = 0; d < 5; d++) {
            for (String k : sorted(vocabulary.tree(Dimension.MATCHED.get(d)).words())) {
                int dot = k.lastIndexOf('.');
                if (dot > 0) {
                    out.append(G[d]).append(", ").append(k).append(", ").append(k, 0, dot).append('\n');
                }
            }
        }
        RegionTree regions = vocabulary.regions();
        for (String code : sorted(regions.groupsAndCountries())) {
            String parent = regions.parentOf(code);
            if (parent != null) {
                out.append("g6, ").append(code).append(", ").append(parent).append('\n');
            }
        }
        // The settling of conditions by the context (docs/semantics.md, section 4) as a role per condition kind.
        for (String c : sorted(vocabulary.tree(Dimension.CONDITION).words())) {
            String kind = conditionKind(c);
            if (kind != null) {
                out.append("g7, ").append(c).append(", ").append(kind).append('\n');
            }
        }
        return out.toString();
    }

    private static String conditionKind(String c) {
        if (c.equals("choice.opt_in") || c.equals("legal_basis.consent") || c.equals("trigger.parental_consent")) {
            return "consent";
        }
        if (KeyTree.isAncestorOrSelf("choice.opt_out", c)) {
            return "opt_out";
        }
        if (c.equals("identifiability.pseudonymized")) {
            return "pseudonymized";
        }
        if (c.equals("identifiability.aggregated") || c.equals("identifiability.anonymized")) {
            return "aggregated";
        }
        if (c.startsWith("identifiability.") || c.equals("choice.none")) {
            return "always";
        }
        return c.equals("trigger.required_by_law") ? "legal_process" : null;
    }

    private static List<String> sorted(java.util.Collection<String> words) {
        return words.stream().sorted().toList();
    }

    /** Every statement as one line per combination of its keys, and per conditions case for a conditional allow. */
    private List<Line> expand() {
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
                if (s.effect() == Effect.DENY) {
                    out.add(new Line(s, keys, depth, "always", "deny"));
                } else {
                    out.add(new Line(s, keys, depth, "clear", "allow"));
                    if (!s.conditions().isEmpty()) {
                        out.add(new Line(s, keys, depth, "defeated", "deny"));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Orders the lines so that a line of a statement that removes another (explicitly, or by being more specific
     * on keys that can meet) comes first; among lines free to go, denies, then clear allows, then defeated allows,
     * which is the order in which the semantics let surviving statements decide.
     */
    private List<Line> prioritized(List<Line> all) {
        int n = all.size();
        List<List<Integer>> after = new ArrayList<>();
        int[] before = new int[n];
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && removes(all.get(i), all.get(j))) {
                    after.get(i).add(j);
                    before[j]++;
                }
            }
        }
        Comparator<Integer> preference = Comparator.<Integer>comparingInt(i -> rank(all.get(i))).thenComparingInt(i -> i);
        PriorityQueue<Integer> free = new PriorityQueue<>(preference);
        for (int i = 0; i < n; i++) {
            if (before[i] == 0) {
                free.add(i);
            }
        }
        List<Line> out = new ArrayList<>(n);
        boolean[] placed = new boolean[n];
        while (out.size() < n) {
            if (free.isEmpty()) {
                // A cycle of removals (possible only across different queries): break it at the first line left.
                for (int i = 0; i < n; i++) {
                    if (!placed[i]) {
                        free.add(i);
                        before[i] = 0;
                        break;
                    }
                }
            }
            int i = free.poll();
            if (placed[i]) {
                continue;
            }
            placed[i] = true;
            out.add(all.get(i));
            for (int j : after.get(i)) {
                if (!placed[j] && --before[j] == 0) {
                    free.add(j);
                }
            }
        }
        return out;
    }

    private static int rank(Line l) {
        return switch (l.when()) {
            case "always" -> 0;
            case "clear" -> 1;
            default -> 2;
        };
    }

    private boolean removes(Line a, Line b) {
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
    private boolean canMeet(Line a, Line b) {
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
}
