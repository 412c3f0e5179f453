package dev.clausewise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every policies-yaml/*&#47;scenarios/*.yaml, one dynamic test per scenario, plus 100 % statement coverage per policy. */
class ScenarioSuitesTest {
    static final Path POLICIES = Path.of("policies-yaml");
    static PolicyCatalog catalog;

    @BeforeAll
    static void open() {
        PolicyCatalog.Result r = SharedBuilds.result(POLICIES);
        assertFalse(r.hasErrors(), () -> String.join("\n", r.diagnostics().stream().map(Diagnostic::format).toList()));
        catalog = r.catalog().orElseThrow();
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        ScenarioRunner runner = new ScenarioRunner(catalog);
        List<DynamicNode> files = new ArrayList<>();
        for (Path f : SuiteRun.discover(POLICIES)) {
            Diagnostics d = new Diagnostics();
            ScenarioFile sf = SuiteRun.load(f, d).orElse(null);
            if (sf == null) {
                files.add(DynamicTest.dynamicTest(f.toString(), () -> {
                    throw new AssertionError(String.join("\n", d.sorted().stream().map(Diagnostic::format).toList()));
                }));
                continue;
            }
            files.add(DynamicContainer.dynamicContainer(f.toString(), sf.scenarios().stream().map(s ->
                    DynamicTest.dynamicTest(s.name(), () -> {
                        ScenarioResult r = runner.run(sf, s);
                        assertEquals(ScenarioResult.Status.PASS, r.status(), () -> s.location() + "\n" + String.join("\n", r.diff()));
                    }))));
        }
        assertFalse(files.isEmpty(), "no scenario files found under " + POLICIES);
        return files.stream();
    }

    @Test
    void everyStatementOfEveryPolicyIsExercised() {
        SuiteRun run = SuiteRun.run(catalog, SuiteRun.discover(POLICIES));
        assertEquals(catalog.policies().size(), run.coverage().size(), "every loaded policy has a suite");
        for (Coverage c : run.coverage()) {
            assertTrue(c.unexercised().isEmpty(), () -> c.policy() + " statements no scenario exercises: " + c.unexercised());
        }
    }

    @Test
    void everyPolicyHasAtLeastFortyScenarios() {
        Diagnostics d = new Diagnostics();
        for (String id : catalog.policies().keySet()) {
            long count = SuiteRun.discover(POLICIES).stream().filter(p -> p.startsWith(POLICIES.resolve(id)))
                    .flatMap(p -> SuiteRun.load(p, d).stream()).mapToLong(sf -> sf.scenarios().size()).sum();
            assertTrue(count >= 40, id + " has only " + count + " scenarios");
        }
    }
}
