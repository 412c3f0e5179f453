package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.scenario.Coverage;
import dev.clausewise.scenario.JUnitXml;
import dev.clausewise.scenario.OutcomeTable;
import dev.clausewise.scenario.ScenarioResult;
import dev.clausewise.scenario.SuiteRun;
import dev.clausewise.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true, description = "Run scenario suites: PASS/FAIL per scenario with file:line and the diff, then statement coverage.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--junit-xml", description = "Also write a JUnit XML report to FILE.")
    Path junitXml;

    @Option(names = "--table", description = "Print only a markdown table of the answers: scenario × policy → outcome (for suites that ask the same questions of several policies).")
    boolean table;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Scenario files (default: every policies-yaml/*/scenarios/*.yaml).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Optional<PolicyCatalog> catalog = policies.open(System.out, true);
        if (catalog.isEmpty()) {
            return 1;
        }
        List<Path> files = paths.isEmpty() ? SuiteRun.discover(policies.policies) : paths;
        SuiteRun run = SuiteRun.run(catalog.get(), files);
        run.diagnostics().stream().map(Diagnostic::format).forEach(System.out::println);
        if (table) {
            System.out.print(OutcomeTable.markdown(run.results()));
            return run.passed() ? 0 : 1;
        }
        int passed = 0;
        int failed = 0;
        for (ScenarioResult r : run.results()) {
            System.out.println(r.status() + "  " + r.scenario().location() + "  " + r.scenario().name());
            r.diff().forEach(line -> System.out.println("        " + line));
            if (r.status() == ScenarioResult.Status.PASS) {
                passed++;
            } else {
                failed++;
            }
        }
        for (Coverage c : run.coverage()) {
            System.out.printf("coverage %s: %.1f%% of %d statements%s%n", c.policy(), c.percent(), c.statements(),
                    c.unexercised().isEmpty() ? "" : "; not exercised: " + String.join(", ", c.unexercised()));
        }
        System.out.println(passed + " passed, " + failed + " failed");
        if (junitXml != null) {
            Files.writeString(junitXml, JUnitXml.render(run));
        }
        return run.passed() && catalog.get().refusals().isEmpty() ? 0 : 1;
    }
}
