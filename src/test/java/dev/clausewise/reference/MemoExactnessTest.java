package dev.clausewise.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.DecisionMemo;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.scenario.Scenario;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.SuiteRun;
import dev.clausewise.source.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memo is exact: every answer it gives (a hit reissues the answer of an earlier question of the same class)
 * equals what the engine decides for that very question, trail and refinements included, at every explain level.
 * The reference evaluator is checked against the memoized path by {@link DifferentialTest}.
 */
class MemoExactnessTest {
    static PolicyCatalog catalog;
    static QueryNormalizer normalizer;
    static DecisionExplainer explainer;

    @BeforeAll
    static void open() {
        // Every class kept, whatever heap this JVM has (the default bound scales with it): the test is about exactness.
        String bound = System.getProperty(DecisionMemo.LIMIT_PROPERTY);
        System.setProperty(DecisionMemo.LIMIT_PROPERTY, "100000");
        try {
            catalog = PolicyCatalog.open(DifferentialTest.POLICIES).catalog().orElseThrow();
        } finally {
            if (bound == null) {
                System.clearProperty(DecisionMemo.LIMIT_PROPERTY);
            } else {
                System.setProperty(DecisionMemo.LIMIT_PROPERTY, bound);
            }
        }
        normalizer = new QueryNormalizer(catalog.vocabulary());
        explainer = new DecisionExplainer(catalog.vocabulary());
    }

    @Test
    void memoizedAnswersEqualFreshEngineAnswers() {
        List<Query> questions = new ArrayList<>(new DifferentialTest.QuestionGenerator(catalog, new Random(DifferentialTest.SEED + 1))
                .questions(Math.max(10_000, DifferentialTest.QUESTIONS)));
        for (Path f : SuiteRun.discover(DifferentialTest.POLICIES)) {
            ScenarioFile sf = SuiteRun.load(f, new Diagnostics()).orElseThrow();
            sf.scenarios().stream().map(Scenario::query).map(q -> q.policy() == null ? q.withPolicy(sf.policy()) : q).forEach(questions::add);
        }
        // Every question twice, so each class is certainly hit at least once besides the hits between questions.
        List<Query> asked = new ArrayList<>(questions);
        asked.addAll(questions);
        Explain[] levels = Explain.values();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Query question = asked.get(i);
            LoadedPolicy p = catalog.policy(question.policy()).orElseThrow();
            NormalizedQuery q = normalizer.normalize(question).query();
            // The memo keeps the full trail of a class and cuts lower levels from it, on a miss as on a hit: every
            // answer is compared, at levels that differ between a question's two askings.
            Explain level = levels[(i + i / questions.size()) % levels.length];
            Decision memoized = withoutId(p.answer(q, explainer, level));
            Decision fresh = withoutId(p.decide(q, explainer, level));
            if (!memoized.equals(fresh) && mismatches.size() < 10) {
                mismatches.add(question + "\n  memo  " + memoized + "\n  fresh " + fresh);
            }
        }
        if (!mismatches.isEmpty()) {
            fail("memoized answers differ from the engine's:\n" + String.join("\n", mismatches));
        }
        long hits = catalog.policies().values().stream().mapToLong(p -> p.memo().hits()).sum();
        long misses = catalog.policies().values().stream().mapToLong(p -> p.memo().misses()).sum();
        assertEquals(asked.size(), hits + misses);
        assertTrue(hits >= questions.size(), "the second round must hit: " + hits + " hits, " + misses + " misses");
        assertTrue(misses < questions.size(), "classes are shared between different questions: " + misses + " misses of " + questions.size());
    }

    private static Decision withoutId(Decision d) {
        return new Decision(null, d.policy(), d.outcome(), d.conditions(), d.reason(), d.trail(), d.refinements(), d.retention(), d.errors());
    }
}
