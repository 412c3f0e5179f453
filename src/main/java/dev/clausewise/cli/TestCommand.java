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
import java.time.Instant;
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

    @Parameters(paramLabel = "POLICY|FILE", arity = "0..*", description = ExitCodes.POLICY_ARGS
            + " A policy runs its scenarios/*.yaml; a FILE is a scenario file. Default: every scenario of the root.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Optional<PolicyArgs> named = policies.resolve(args);
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        List<Path> files = new ArrayList<>(named.get().files());
        named.get().policies().forEach(t -> files.addAll(SuiteRun.discover(t.dir())));
        // The scenarios ask their policies by id: a catalog of the folder the named policies are in answers them.
        List<Path> folders = named.get().policies().stream().filter(t -> !named.get().inRoot(t)).map(t -> parent(t.dir())).distinct().toList();
        if (folders.size() > 1 || folders.size() == 1 && named.get().policies().stream().anyMatch(named.get()::inRoot)) {
            System.err.println(String.join(" ", args) + ": two_policy_roots: the policies named lie in more than one folder"
                    + "\n    help: test the policies of one folder per run");
            return ExitCodes.USAGE;
        }
        Path folder = folders.isEmpty() ? named.get().root() : folders.get(0);
        Optional<PolicyCatalog> catalog = policies.open(folder, named.get().root(), System.out, true);
        if (catalog.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Instant started = Instant.now();
        SuiteRun run = SuiteRun.run(catalog.get(), files);
        run.diagnostics().stream().map(Diagnostic::format).forEach(System.out::println);
        if (table) {
            System.out.print(OutcomeTable.markdown(run.results()));
            return run.passed() ? ExitCodes.OK : ExitCodes.FAILED;
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
            Files.writeString(junitXml, JUnitXml.render(run, started));
        }
        return run.passed() && catalog.get().refusals().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Path parent(Path dir) {
        return dir.toAbsolutePath().normalize().getParent();
    }
}
