package dev.clausewise.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.SuiteRun;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch path answers exactly what one-by-one decide answers, in input order, rejections included. */
class DecideAllTest {
    static final Path POLICIES = Path.of("policies-yaml");

    @Test
    void decideAllAgreesWithDecideOneByOne() {
        PolicyCatalog catalog = SharedBuilds.open(POLICIES);
        List<Query> queries = new ArrayList<>();
        for (Path f : SuiteRun.discover(POLICIES)) {
            ScenarioFile sf = SuiteRun.load(f, new Diagnostics()).orElseThrow();
            sf.scenarios().forEach(s -> queries.add(s.query().policy() == null ? s.query().withPolicy(sf.policy()) : s.query()));
        }
        queries.add(3, new Query("mixpanel", "share", "user.contact.emial", null, null, null, "Frnce", null, null));
        queries.add(7, new Query("no-such-policy", "collect", null, null, null, null, null, null, null));
        queries.add(new Query(null, "collect", null, null, null, null, null, null, null));

        List<Answer> batch = catalog.decideAll(queries, Explain.SUMMARY);

        assertEquals(queries.size(), batch.size());
        int rejected = 0;
        for (int i = 0; i < queries.size(); i++) {
            Answer one = catalog.decide(queries.get(i), Explain.SUMMARY);
            assertEquals(comparable(one), comparable(batch.get(i)), "question " + i + ": " + queries.get(i));
            rejected += one instanceof Answer.Rejected ? 1 : 0;
        }
        assertEquals(3, rejected);
        assertTrue(queries.size() > 500, "the scenario questions are all asked: " + queries.size());
    }

    /** Decision ids are fresh per answer; everything else must be equal. */
    static Object comparable(Answer a) {
        if (a instanceof Answer.Answered answered) {
            Decision d = answered.decision();
            return new Decision(null, d.policy(), d.outcome(), d.conditions(), d.reason(), d.trail(), d.refinements(), d.retention(), d.errors());
        }
        return a;
    }
}
