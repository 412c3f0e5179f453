package dev.clausewise.bench;

import dev.clausewise.bench.PeerLines.Kind;
import dev.clausewise.policy.Policy;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Settings;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.StringJoiner;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.util.Util;

/**
 * A policy's statements written in jCasbin's own language, as a Casbin user would: key ancestry as role
 * hierarchies (g, g2 ... g6, one per dimension, regions for region and destination; g8 the practices an allow
 * reaches, which stop short of distinct acts such as selling), the context's settling of conditions as
 * attribute checks on roles of condition kinds (g7), the child subjects a known age implies as roles of the
 * age (g9), the identifiability a scope qualifier requires as a level, one policy line per combination of a
 * statement's keys, and the "priority" effect so that a more specific or explicitly overriding statement
 * decides before the statements it removes. A condition the context leaves open counts as holding.
 */
public final class CasbinEncoding {
    /** "not limited" in a request: a name no role or key has, so only a line that omits the dimension matches. */
    static final String NONE = "~";
    private static final String NO_CONDITION = "-";
    private static final String[] G = {"g", "g2", "g3", "g4", "g5", "g6", "g6"};

    /** One policy line: a key combination of a statement, the conditions case it stands for, its effect. */
    record Line(PeerLines.Line keys, String when, String effect) {
    }

    private final PeerLines peerLines;
    private final Vocabulary vocabulary;
    private final int slots;
    private final List<Line> lines;

    private CasbinEncoding(Policy policy, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.peerLines = new PeerLines(policy, vocabulary);
        this.slots = Math.max(1, peerLines.lines().stream().mapToInt(l -> settled(l).size()).max().orElse(1));
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

    /** The request for a normalized question: its keys, NONE for "not limited", the context as words. */
    public static Object[] request(NormalizedQuery q) {
        Object[] r = new Object[13];
        for (int d = 0; d < Dimension.MATCHED.size(); d++) {
            String v = q.value(Dimension.MATCHED.get(d));
            r[d] = v == null ? NONE : v;
        }
        Settings s = q.settings();
        r[7] = s.consent().name().toLowerCase();
        r[8] = word(s.optedOut());
        r[9] = word(s.legalProcess());
        r[10] = Boolean.toString(s.doNotTrack());
        r[11] = Integer.toString(s.identifiability().level());
        r[12] = s.age() == null ? NONE : ageRole(q.ageSubjects());
        return r;
    }

    private static String word(Boolean b) {
        return b == null ? "unknown" : b.toString();
    }

    /** The role of a known age: linked (g9) to each child subject the age is in. */
    private static String ageRole(Set<String> subjects) {
        return "age:" + String.join("|", subjects.stream().sorted().toList());
    }

    /** The conditions of a line the context can defeat: the required ones of a settled kind (an any_of is checked in expand). */
    private static List<String> settled(PeerLines.Line l) {
        return l.required().stream().filter(c -> PeerLines.kind(c) != Kind.OPEN).toList();
    }

    String model() {
        StringJoiner conditions = new StringJoiner(", ");
        for (int i = 1; i <= slots; i++) {
            conditions.add("c" + i);
        }
        StringJoiner scope = new StringJoiner(" && ");
        scope.add("(p.practice == '*' || p.when == 'always' && g(r.practice, p.practice) || p.when != 'always' && g8(r.practice, p.practice))");
        for (int d = 1; d < Dimension.MATCHED.size(); d++) {
            String name = Dimension.MATCHED.get(d).key();
            String own = G[d] + "(r." + name + ", p." + name + ")";
            scope.add(d == 4
                    ? "(p.subject == '*' || p.child == 'n' && " + own + " || p.child == 'y' && (r.age == '~' && " + own
                            + " || r.age != '~' && g9(r.age, p.subject)))"
                    : "(p." + name + " == '*' || " + own + ")");
        }
        scope.add("r.level >= p.level");
        StringJoiner defeated = new StringJoiner(" || ");
        for (int i = 1; i <= slots; i++) {
            String c = "p.c" + i;
            defeated.add("g7(" + c + ", 'consent') && r.consent == 'denied'"
                    + " || g7(" + c + ", 'opt_out') && r.optedOut == 'true'"
                    + " || g7(" + c + ", 'do_not_track') && (r.optedOut == 'true' || r.doNotTrack == 'true')"
                    + " || g7(" + c + ", 'legal_process') && r.legalProcess == 'false'");
        }
        return "[request_definition]\n"
                + "r = practice, data, recipient, purpose, subject, region, destination, consent, optedOut, legalProcess, doNotTrack, level, age\n\n"
                + "[policy_definition]\n"
                + "p = priority, practice, data, recipient, purpose, subject, region, destination, " + conditions
                + ", level, child, when, eft, statement\n\n"
                + "[role_definition]\n"
                + "g = _, _\ng2 = _, _\ng3 = _, _\ng4 = _, _\ng5 = _, _\ng6 = _, _\ng7 = _, _\ng8 = _, _\ng9 = _, _\n\n"
                + "[policy_effect]\n"
                + "e = priority(p.eft) || deny\n\n"
                + "[matchers]\n"
                + "m = " + scope + " && (p.when == 'always' || p.when == 'clear' && !(" + defeated + ")"
                + " || p.when == 'defeated' && (" + defeated + "))\n";
    }

    String policyCsv() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            List<String> row = new ArrayList<>();
            row.add("p");
            row.add(Integer.toString(i + 1));
            row.addAll(List.of(l.keys().keys()));
            List<String> cs = settled(l.keys());
            for (int c = 0; c < slots; c++) {
                row.add(c < cs.size() ? cs.get(c) : NO_CONDITION);
            }
            row.add(Integer.toString(l.keys().scopeLevel()));
            String subject = l.keys().keys()[4];
            row.add(!subject.equals(PeerLines.ANY_KEY) && KeyTree.isAncestorOrSelf("child", subject) ? "y" : "n");
            row.add(l.when());
            row.add(l.effect());
            row.add(l.keys().statement().id());
            out.append(String.join(", ", row)).append('\n');
        }
        KeyTree practices = vocabulary.tree(Dimension.PRACTICE);
        for (int d = 0; d < 5; d++) {
            for (String k : sorted(vocabulary.tree(Dimension.MATCHED.get(d)).words())) {
                int dot = k.lastIndexOf('.');
                if (dot > 0) {
                    out.append(G[d]).append(", ").append(k).append(", ").append(k, 0, dot).append('\n');
                    if (d == 0 && !practices.distinct().contains(k)) {
                        out.append("g8, ").append(k).append(", ").append(k, 0, dot).append('\n');
                    }
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
            Kind kind = PeerLines.kind(c);
            if (kind != Kind.OPEN) {
                out.append("g7, ").append(c).append(", ").append(kind.name().toLowerCase()).append('\n');
            }
        }
        List<String> bands = List.of("child", "child.under_16", "child.under_13");
        for (int n = 1; n <= bands.size(); n++) {
            String role = ageRole(Set.copyOf(bands.subList(0, n)));
            for (String subject : bands.subList(0, n)) {
                out.append("g9, ").append(role).append(", ").append(subject).append('\n');
            }
        }
        return out.toString();
    }

    private static List<String> sorted(java.util.Collection<String> words) {
        return words.stream().sorted().toList();
    }

    /** Every key combination of a deny as one line; of an allow, one line for "stands" and one for "defeated". */
    private List<Line> expand() {
        List<Line> out = new ArrayList<>();
        for (PeerLines.Line l : peerLines.lines()) {
            if (l.statement().anyOf().stream().allMatch(c -> PeerLines.kind(c) != Kind.OPEN) && !l.statement().anyOf().isEmpty()) {
                throw new IllegalArgumentException("statement " + l.statement().id()
                        + ": an any_of whose every alternative the context can defeat is not encoded for jCasbin");
            }
            if (l.isDeny()) {
                out.add(new Line(l, "always", "deny"));
            } else {
                out.add(new Line(l, "clear", "allow"));
                if (!settled(l).isEmpty()) {
                    out.add(new Line(l, "defeated", "deny"));
                }
            }
        }
        return out;
    }

    /**
     * Orders the lines so that a line of a statement that removes another (explicitly, or by being more specific
     * on keys that can meet) comes first, and an allow that stands comes before the defeated case of an allow that
     * does not remove it (a defeated allow denies only when no standing allow survives); among lines free to go,
     * denies, then standing allows, then defeated allows, which is the order in which surviving statements decide.
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
                if (i != j && (removes(all.get(i), all.get(j)) || standsBefore(all.get(i), all.get(j)))) {
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

    private boolean standsBefore(Line a, Line b) {
        return a.when().equals("clear") && b.when().equals("defeated") && peerLines.canMeet(a.keys(), b.keys()) && !removes(b, a);
    }

    private boolean removes(Line a, Line b) {
        return peerLines.removes(a.keys(), b.keys());
    }
}
