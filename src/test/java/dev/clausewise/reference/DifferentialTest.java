package dev.clausewise.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.policy.Outcome;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Json;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.scenario.Scenario;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.SuiteRun;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.RegionTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine against the reference evaluator: the same questions, generated from a fixed seed over every bundled
 * policy plus every scenario's question, must get the same outcome, reasons, conditions and refinements.
 * Replay or vary with {@code -Dclausewise.differential.seed=N} and {@code -Dclausewise.differential.questions=N}.
 */
class DifferentialTest {
    static final Path POLICIES = Path.of("policies-yaml");
    static final long SEED = Long.getLong("clausewise.differential.seed", 20_260_611L);
    static final int QUESTIONS = Integer.getInteger("clausewise.differential.questions", 10_000);
    static final int SHOWN = 20;

    static PolicyCatalog catalog;
    static QueryNormalizer normalizer;
    static Map<String, ReferenceEvaluator> references = new TreeMap<>();

    @BeforeAll
    static void open() {
        catalog = SharedBuilds.open(POLICIES);
        normalizer = new QueryNormalizer(catalog.vocabulary());
        catalog.policies().forEach((id, p) -> references.put(id, new ReferenceEvaluator(p.policy(), catalog.vocabulary().regions(),
                catalog.vocabulary().tree(Dimension.PRACTICE).distinct())));
        assertTrue(references.size() >= 5, "all bundled policies load: " + references.keySet());
    }

    @Test
    void engineAgreesWithTheReferenceOnGeneratedQuestions() {
        List<Query> questions = new QuestionGenerator(catalog, new Random(SEED)).questions(QUESTIONS);
        Set<String> outcomes = new TreeSet<>();
        List<String> mismatches = compare(questions, outcomes);
        assertEquals(Arrays.stream(Outcome.values()).map(Outcome::name).collect(Collectors.toCollection(TreeSet::new)), outcomes,
                "the generated questions reach every outcome");
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " of " + questions.size() + " generated questions differ (seed " + SEED
                    + ", replay with -Dclausewise.differential.seed=" + SEED + "); the first " + Math.min(SHOWN, mismatches.size()) + ":\n"
                    + String.join("\n", mismatches.subList(0, Math.min(SHOWN, mismatches.size()))));
        }
    }

    @Test
    void engineAgreesWithTheReferenceOnEveryScenarioQuestion() {
        List<Query> questions = new ArrayList<>();
        for (Path f : SuiteRun.discover(POLICIES)) {
            ScenarioFile sf = SuiteRun.load(f, new Diagnostics()).orElseThrow();
            sf.scenarios().stream().map(Scenario::query).map(q -> q.policy() == null ? q.withPolicy(sf.policy()) : q).forEach(questions::add);
        }
        assertFalse(questions.isEmpty());
        List<String> mismatches = compare(questions, new TreeSet<>());
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " scenario questions differ:\n" + String.join("\n", mismatches));
    }

    /** Every difference, each as the question's JSON and both answers; adds the engine's outcomes to {@code outcomes}. */
    static List<String> compare(List<Query> questions, Set<String> outcomes) {
        List<Answer> answers = catalog.decideAll(questions, Explain.NONE);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Query q = questions.get(i);
            if (!(answers.get(i) instanceof Answer.Answered a)) {
                mismatches.add("rejected " + Json.write(q) + ": " + answers.get(i));
                continue;
            }
            outcomes.add(a.decision().outcome());
            ReferenceDecision engine = comparable(a.decision());
            ReferenceDecision reference = references.get(q.policy()).decide(normalizer.normalize(q).query());
            if (!engine.equals(reference)) {
                mismatches.add("question  " + Json.write(q) + "\n  engine    " + engine + "\n  reference " + reference);
            }
        }
        return mismatches;
    }

    /** The engine's answer reduced to what the reference evaluator decides. */
    static ReferenceDecision comparable(Decision d) {
        return new ReferenceDecision(Outcome.valueOf(d.outcome()), d.reason(),
                d.conditions().stream().map(c -> new ReferenceDecision.Condition(c.statement(), c.dimension(), c.key(), c.anyOf())).toList(),
                d.refinements().stream().map(r -> new ReferenceDecision.Refinement(r.statement(), Outcome.valueOf(r.outcome()),
                        r.restriction(), r.conditions())).toList());
    }

    /**
     * Random questions that reach the statements: keys a statement of the policy names, their ancestors and
     * descendants, or any key of the vocabulary (roots and leaves alike); any region; any context.
     */
    static final class QuestionGenerator {
        private static final List<Integer> AGES = List.of(0, 5, 11, 12, 13, 14, 15, 16, 17, 18, 19, 25, 40, 70);

        private final List<LoadedPolicy> policies;
        private final Vocabulary vocabulary;
        private final Map<Dimension, List<String>> keys = new EnumMap<>(Dimension.class);
        private final Random random;

        QuestionGenerator(PolicyCatalog catalog, Random random) {
            this.policies = List.copyOf(new TreeMap<>(catalog.policies()).values());
            this.vocabulary = catalog.vocabulary();
            this.random = random;
            // Sorted, since the vocabulary's maps iterate in a different order on every run and the seed must replay.
            List<String> regions = Stream.concat(vocabulary.regions().groupsAndCountries().stream(), Stream.of(RegionTree.ANY))
                    .distinct().sorted().toList();
            for (Dimension d : Dimension.MATCHED) {
                keys.put(d, d.isRegional() ? regions : vocabulary.tree(d).keys().keySet().stream().sorted().toList());
            }
        }

        List<Query> questions(int n) {
            return Stream.generate(this::question).limit(n).toList();
        }

        Query question() {
            LoadedPolicy p = policies.get(random.nextInt(policies.size()));
            Query.Context context = new Query.Context(
                    pick(0.4, null, "granted", "denied", "unknown"),
                    pick(0.5, null, true, false),
                    pick(0.5, null, "identified", "pseudonymized", "aggregated", "anonymized"),
                    random.nextDouble() < 0.6 ? null : AGES.get(random.nextInt(AGES.size())),
                    pick(0.5, null, true, false),
                    pick(0.6, null, true, false));
            return new Query(p.policy().id(), key(p, Dimension.PRACTICE, 0), key(p, Dimension.DATA, 0.2), key(p, Dimension.RECIPIENT, 0.35),
                    key(p, Dimension.PURPOSE, 0.35), key(p, Dimension.SUBJECT, 0.35), key(p, Dimension.REGION, 0.3),
                    key(p, Dimension.DESTINATION, 0.6), context);
        }

        @SafeVarargs
        private <T> T pick(double nullChance, T ifNull, T... values) {
            return random.nextDouble() < nullChance ? ifNull : values[random.nextInt(values.length)];
        }

        /** Null with {@code nullChance}; else near a key the policy uses (same, ancestor or descendant), or any key. */
        private String key(LoadedPolicy p, Dimension d, double nullChance) {
            if (random.nextDouble() < nullChance) {
                return null;
            }
            List<String> all = keys.get(d);
            List<String> used = p.policy().statements().stream().flatMap(s -> s.keys(d).stream()).distinct().toList();
            if (used.isEmpty() || random.nextDouble() < 0.4) {
                return all.get(random.nextInt(all.size()));
            }
            String key = used.get(random.nextInt(used.size()));
            return switch (random.nextInt(3)) {
                case 0 -> {
                    List<String> above = d.isRegional() ? vocabulary.regions().ancestorsOrSelf(key) : ancestorsOrSelf(key);
                    yield above.get(random.nextInt(above.size()));
                }
                case 1 -> {
                    List<String> below = all.stream().filter(k -> d.isRegional() ? vocabulary.regions().isAncestorOrSelf(key, k)
                            : KeyTree.isAncestorOrSelf(key, k)).toList();
                    yield below.get(random.nextInt(below.size()));
                }
                default -> key;
            };
        }

        private static List<String> ancestorsOrSelf(String key) {
            List<String> out = new ArrayList<>();
            for (String k = key; ; k = k.substring(0, k.lastIndexOf('.'))) {
                out.add(k);
                if (k.indexOf('.') < 0) {
                    return out;
                }
            }
        }
    }
}
