package dev.clausewise.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo kept between runs: a second start on the same cache answers the classes the first one decided from the
 * table, exactly as the engine decides them; a table that is not exactly right is not read.
 */
class DecisionTableTest {
    static final Path POLICIES = Path.of("policies-yaml");

    @TempDir
    Path cacheDir;

    @Test
    void aSecondRunAnswersFromTheTableAsTheEngineDoes() {
        PolicyCatalog first = open();
        List<Query> questions = new DifferentialTest.QuestionGenerator(first, new Random(7)).questions(1_500);
        List<Explain> levels = List.of(Explain.values());
        for (int i = 0; i < questions.size(); i++) {
            first.decide(questions.get(i), levels.get(i % levels.size()));
        }
        int decided = first.policies().values().stream().mapToInt(p -> p.memo().size()).sum();
        assertTrue(decided > 500, "the questions fall in many classes: " + decided);
        int distinct = first.policies().values().stream().mapToInt(p -> p.memo().distinctAnswers()).sum();
        assertTrue(distinct * 2 < decided, "classes that answer alike share one answer: " + distinct + " distinct answers for " + decided + " classes");
        first.persistAnswers();

        PolicyCatalog second = open();
        assertEquals(decided, second.policies().values().stream().mapToInt(p -> p.memo().size()).sum(),
                "every class the first run decided is in the second run's memo before it answers anything");
        QueryNormalizer normalizer = new QueryNormalizer(second.vocabulary());
        DecisionExplainer explainer = new DecisionExplainer(second.vocabulary());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Query question = questions.get(i);
            LoadedPolicy p = second.policy(question.policy()).orElseThrow();
            NormalizedQuery q = normalizer.normalize(question).query();
            Explain level = levels.get((i + 1) % levels.size());
            Decision fromTable = withoutId(p.answer(q, explainer, level));
            Decision fresh = withoutId(p.decide(q, explainer, level));
            if (!fromTable.equals(fresh) && mismatches.size() < 5) {
                mismatches.add(question + "\n  table " + fromTable + "\n  fresh " + fresh);
            }
        }
        assertTrue(mismatches.isEmpty(), () -> "answers from the table differ from the engine's:\n" + String.join("\n", mismatches));
        assertEquals(distinct, second.policies().values().stream().mapToInt(p -> p.memo().distinctAnswers()).sum(),
                "the table holds each distinct answer once and the second run shares them as the first did");
        long misses = second.policies().values().stream().mapToLong(p -> p.memo().misses()).sum();
        assertEquals(0, misses, "the second run decided none of the first run's classes again");
    }

    @Test
    void aStartingServiceReadsOnlyTheTableAQuestionNeedsAndBuildsNoRulesForIt() {
        PolicyCatalog first = open();
        Query question = new Query("mixpanel", "share.sell", "user.contact.email", "third_party", null, null, "US", null, null);
        first.decide(question, Explain.FULL);
        first.persistAnswers();

        PolicyBuilder.holdBackgroundBuilds();
        try {
            PolicyCatalog second = open();
            LoadedPolicy p = second.policy("mixpanel").orElseThrow();
            NormalizedQuery q = new QueryNormalizer(second.vocabulary()).normalize(question).query();
            DecisionExplainer explainer = new DecisionExplainer(second.vocabulary());
            assertTrue(p.known(q, explainer, Explain.FULL).isEmpty(),
                    "held by a starting service, the table is not read until a question needs it (and not on a caller that must not wait)");
            Decision answered = p.answer(q, explainer, Explain.FULL);
            assertEquals(0, p.memo().misses(), "the question was answered from the table, not by the engine");
            assertEquals(1, p.memo().hits());
            assertTrue(p.known(q, explainer, Explain.FULL).isPresent(), "once read, the table answers callers that must not wait");
            // Nothing opens the held builds here: a question that needs the rules builds them in its own thread.
            Decision fresh = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> p.decide(q, explainer, Explain.FULL),
                    "a question that needs the rules waited for the builds a starting service holds");
            assertEquals(withoutId(fresh), withoutId(answered));
        } finally {
            PolicyBuilder.releaseBackgroundBuilds();
        }
    }

    @Test
    void aDamagedTableIsNotRead() throws IOException {
        PolicyCatalog first = open();
        first.decide(new Query("mixpanel", "share.sell", "user.contact.email", "third_party", null, null, null, null, null), Explain.FULL);
        first.persistAnswers();
        Path table = cacheDir.resolve("answers-mixpanel.rules");
        assertTrue(Files.exists(table), "the table was written: " + table);
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length - 1] ^= 0x5a;
        Files.write(table, bytes);

        PolicyCatalog second = open();
        assertEquals(0, second.policy("mixpanel").orElseThrow().memo().size(), "a table whose payload does not match its digest is ignored");
    }

    private PolicyCatalog open() {
        PolicyCatalog.Result r = PolicyCatalog.open(POLICIES, RuleCache.at(cacheDir));
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        return r.catalog().orElseThrow();
    }

    private static Decision withoutId(Decision d) {
        return new Decision(null, d.policy(), d.outcome(), d.conditions(), d.reason(), d.trail(), d.refinements(), d.retention(), d.errors());
    }
}
