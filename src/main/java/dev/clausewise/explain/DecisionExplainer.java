package dev.clausewise.explain;

import dev.clausewise.engine.Candidate;
import dev.clausewise.engine.EngineResult;
import dev.clausewise.engine.Firing;
import dev.clausewise.policy.Outcome;
import dev.clausewise.engine.Standing;
import dev.clausewise.engine.StandingKind;
import dev.clausewise.engine.TrailKind;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.ConditionStatus;
import dev.clausewise.query.KeyMatch;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Turns what the engine concluded into a Decision: outcome, open conditions, refinements, and a trail citing each clause. */
public final class DecisionExplainer {
    private static final TrailStep BLANK_NORMALIZE = new TrailStep(1, TrailKind.NORMALIZE.trailName(), "normalize", null, "", null);
    private final Vocabulary vocabulary;

    public DecisionExplainer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The decision of an evaluation that asked its refinements ({@link EngineResult#refinementOutcomes()}). */
    public Decision explain(EngineResult r, Policy policy, PolicyRef ref, Explain level) {
        Map<String, Outcome> refinementOutcomes = r.refinementOutcomes();
        Outcome outcome = r.decided().outcome();
        List<String> reason = reasons(r);
        boolean broad = broad(r);
        List<Refinement> refinements = r.standings().stream()
                .filter(Standing::isRefinement)
                .filter(s -> broad || permits(refinementOutcomes.get(s.getStatementId())) != permits(outcome))
                .sorted(Comparator.comparing(Standing::getStatementId))
                .map(s -> refinement(s, refinementOutcomes.get(s.getStatementId()), r, policy))
                .toList();
        List<TrailStep> trail = level == Explain.NONE ? List.of() : trail(r, policy, Set.copyOf(reason), level);
        return new Decision(decisionId(), ref, outcome.name(), conditions(r), reason, trail, refinements,
                retention(r, policy), List.of());
    }

    /**
     * The same answer given to another question of its class: a new decision id and the question's own normalize
     * step; everything else the class decides (docs/performance.md, the memo). {@code full} carries the full trail;
     * a lower level keeps of it what {@link #explain} would have kept, numbered anew.
     */
    public Decision reissue(Decision full, NormalizedQuery q, Explain level) {
        List<TrailStep> trail = List.of();
        if (level != Explain.NONE) {
            Set<String> reasons = Set.copyOf(full.reason());
            List<TrailStep> steps = new ArrayList<>(full.trail().size());
            steps.add(normalizeStep(q));
            for (TrailStep t : full.trail().subList(1, full.trail().size())) {
                if (level == Explain.FULL || keptInSummary(t.kind(), t.statement(), reasons)) {
                    steps.add(t.step() == steps.size() + 1 ? t
                            : new TrailStep(steps.size() + 1, t.kind(), t.rule(), t.statement(), t.detail(), t.cite()));
                }
            }
            trail = steps;
        }
        return new Decision(decisionId(), full.policy(), full.outcome(), full.conditions(), full.reason(), trail,
                full.refinements(), full.retention(), full.errors());
    }

    /**
     * What a full answer's class decides, for the memo to keep: no decision id and a blank normalize step, the two
     * parts {@link #reissue} writes anew for each question. Answers of one class form are equal whatever question
     * of the class produced them, so a memo keeps each once, however many classes answer alike.
     */
    public static Decision classForm(Decision full) {
        List<TrailStep> trail = full.trail();
        if (!trail.isEmpty()) {
            List<TrailStep> steps = new ArrayList<>(trail);
            steps.set(0, BLANK_NORMALIZE);
            trail = steps;
        }
        return new Decision("", full.policy(), full.outcome(), full.conditions(), full.reason(), trail,
                full.refinements(), full.retention(), full.errors());
    }

    /** A summary keeps the steps that decide or conflict, and those of the deciding statements. */
    private static boolean keptInSummary(String kind, String statement, Set<String> reasons) {
        return kind.equals(TrailKind.DECIDE.trailName()) || kind.equals(TrailKind.CONFLICT.trailName()) || reasons.contains(statement);
    }

    private static TrailStep normalizeStep(NormalizedQuery q) {
        return new TrailStep(1, TrailKind.NORMALIZE.trailName(), "normalize", null, String.join(", ", q.describe())
                + (q.ageSubjects().isEmpty() ? "" : "; age implies subject " + String.join(", ", q.ageSubjects())), null);
    }

    /** The deciding statements, sorted. */
    public static List<String> reasons(EngineResult r) {
        return r.decided().reasons().stream().sorted().toList();
    }

    /** No statement applies, only narrower ones: the answer holds under their restrictions. */
    private static boolean broad(EngineResult r) {
        return r.standings().stream().noneMatch(Standing::isSurvivor);
    }

    /** The answer's open conditions: restrictions of a broad answer, then each deciding statement's open conditions. */
    public List<ConditionView> conditions(EngineResult r) {
        List<ConditionView> conditions = new ArrayList<>();
        if (r.decided().outcome() == Outcome.ALLOW_WITH_CONDITIONS) {
            boolean broad = broad(r);
            int groups = 0;
            for (String id : reasons(r)) {
                if (broad) {
                    candidate(r, id).narrowings().forEach(m -> conditions.add(restriction(id, m)));
                }
                for (List<String> open : openConditions(r, id)) {
                    Integer group = open.size() > 1 ? ++groups : null;
                    open.forEach(c -> conditions.add(new ConditionView(c, null, id, describe(c), group)));
                }
            }
        }
        return conditions;
    }

    /** The retention the deciding statements state. */
    public static List<RetentionView> retention(EngineResult r, Policy policy) {
        return reasons(r).stream()
                .map(id -> policy.statement(id).orElseThrow())
                .filter(s -> s.retention() != null)
                .map(s -> new RetentionView(s.retention().key(), s.retention().duration(), s.id()))
                .toList();
    }

    private static boolean permits(Outcome o) {
        return o == Outcome.ALLOW || o == Outcome.ALLOW_WITH_CONDITIONS;
    }

    private static Candidate candidate(EngineResult r, String id) {
        return r.candidates().stream().filter(c -> c.getStatementId().equals(id)).findFirst().orElseThrow();
    }

    /**
     * A statement's open conditions, alphabetical: each a single key, or the alternatives still open (a defeated
     * alternative is not offered), so a group left with one open alternative reads as that one condition.
     */
    private static List<List<String>> openConditions(EngineResult r, String id) {
        return r.conditions().stream()
                .filter(c -> c.statementId().equals(id) && c.status() == ConditionStatus.OPEN)
                .map(c -> c.anyOf().stream().filter(k -> r.query().settings().settle(k) == ConditionStatus.OPEN).sorted().toList())
                .sorted(Comparator.comparing(g -> g.get(0)))
                .toList();
    }

    private static ConditionView restriction(String id, KeyMatch m) {
        return ConditionView.required(m.key(), m.dimension().key(), id, "only for " + m.dimension().key() + " " + m.key());
    }

    /**
     * A random (version 4) UUID from the thread's own generator: UUID.randomUUID draws on one shared SecureRandom,
     * which serializes parallel batch decisions. Ids name decisions in the log; they are not secrets.
     */
    private static String decisionId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = r.nextLong() & ~0xF000L | 0x4000L;
        long low = r.nextLong() & ~(3L << 62) | (1L << 63);
        return new UUID(high, low).toString();
    }

    private String describe(String condition) {
        return vocabulary.tree(Dimension.CONDITION).keys().getOrDefault(condition, condition);
    }

    private Refinement refinement(Standing s, Outcome narrowerOutcome, EngineResult r, Policy policy) {
        Map<String, String> restriction = new LinkedHashMap<>();
        s.candidate().narrowings().forEach(m -> restriction.put(m.dimension().key(), m.key()));
        if (s.candidate().scope() != null) {
            restriction.put("identifiability", s.candidate().scope().name().toLowerCase(java.util.Locale.ROOT));
        }
        String outcome = narrowerOutcome.name();
        List<List<String>> open = s.getKind() == StandingKind.OPEN ? openConditions(r, s.getStatementId()) : List.of();
        List<String> conditions = open.stream().flatMap(List::stream).toList();
        String text = "except " + restriction.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + ": " + outcome + (open.isEmpty() ? "" : " (" + open.stream()
                        .map(g -> g.size() > 1 ? "any of " + String.join(" or ", g) : g.get(0)).collect(Collectors.joining(", ")) + ")");
        return new Refinement(s.getStatementId(), outcome, restriction, conditions, text, cite(policy, s.getStatementId()));
    }

    /** The clause a statement cites, or null. */
    public static CiteView cite(Policy policy, String id) {
        if (id == null) {
            return null;
        }
        return policy.statement(id).map(Statement::cite).filter(c -> c != null)
                .map(c -> new CiteView(c.document(), c.section(), c.quote())).orElse(null);
    }

    private static List<TrailStep> trail(EngineResult r, Policy policy, Set<String> reasons, Explain level) {
        List<TrailStep> steps = new ArrayList<>();
        steps.add(normalizeStep(r.query()));
        for (Firing f : r.firings()) {
            if (level == Explain.FULL || keptInSummary(f.kind().trailName(), f.statementId(), reasons)) {
                String detail = f.kind() == TrailKind.DECIDE ? f.detail() + defeatedBy(r) : f.detail();
                steps.add(new TrailStep(steps.size() + 1, f.kind().trailName(), f.rule(), f.statementId(), detail, cite(policy, f.statementId())));
            }
        }
        return steps;
    }

    /**
     * Why an allow's clause decides a DENY: the context defeats its condition. Without it the trail of such a DENY
     * would quote a permission alone.
     */
    private static String defeatedBy(EngineResult r) {
        if (r.decided().outcome() != Outcome.DENY) {
            return "";
        }
        Set<String> defeated = r.standings().stream().filter(s -> s.getKind() == StandingKind.DEFEATED)
                .map(Standing::getStatementId).collect(Collectors.toSet());
        if (r.decided().reasons().isEmpty() || !defeated.containsAll(r.decided().reasons())) {
            return "";
        }
        return ": the context defeats " + r.conditions().stream()
                .filter(c -> defeated.contains(c.statementId()) && c.status() == ConditionStatus.DEFEATED)
                .map(c -> c.statementId() + "'s condition " + c.describe()).distinct().sorted().collect(Collectors.joining(", "));
    }
}
