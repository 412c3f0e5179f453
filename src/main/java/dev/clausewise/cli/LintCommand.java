package dev.clausewise.cli;

import dev.clausewise.analysis.Lint;
import dev.clausewise.analysis.LintReport;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.explain.Json;
import dev.clausewise.wire.LintResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Find conflicts, shadowed statements, override cycles, quotes cited with opposite effects and missing cites, "
                + "each with a witness question the engine answers.")
final class LintCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--json", description = "Print the reports as JSON: an array of what POST /v1/policies/lint returns, one per policy.")
    boolean json;

    @Option(names = "--full", description = "Print acknowledged findings in full (hint, witness, reason), not as one line.")
    boolean full;

    @Parameters(paramLabel = "POLICY", arity = "0..*", description = ExitCodes.POLICY_ARGS + " Default: every policy of the root.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Optional<PolicyArgs> named = policies.resolvePolicies(args);
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<PolicyBuilder> builder = policies.builder(named.get().root(), System.err);
        if (builder.isEmpty()) {
            return ExitCodes.FAILED;
        }
        List<PolicyFiles> files = new ArrayList<>();
        for (PolicyArgs.Target t : named.get().policies()) {
            Optional<PolicyFiles> f = PoliciesOption.read(t, t.id());
            if (f.isEmpty()) {
                return ExitCodes.FAILED;
            }
            files.add(f.get());
        }
        Lint lint = new Lint(builder.get().vocabulary());
        List<LintReport> reports = new ArrayList<>();
        for (PolicyFiles f : files) {
            reports.add(lint.lint(builder.get(), f.expectedId(), f.file().toString(), f.yaml(), f.document(),
                    ProgressBar.forTerminal("lint " + f.expectedId())));
        }
        if (json) {
            System.out.println(Json.pretty(reports.stream().map(LintResponse::of).toList()));
        } else {
            print(reports, full);
        }
        return reports.stream().allMatch(LintReport::clean) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void print(List<LintReport> reports, boolean full) {
        long errors = 0;
        long open = 0;
        long acknowledged = 0;
        for (LintReport r : reports) {
            r.findings().stream().map(f -> f.format(full)).forEach(System.out::println);
            System.out.println(r.policy() + ": " + r.errors() + " errors, " + r.count(false) + " findings, " + r.count(true)
                    + " acknowledged (" + r.questions() + " question classes answered)");
            errors += r.errors();
            open += r.count(false);
            acknowledged += r.count(true);
        }
        System.out.println(reports.size() + " policies linted: " + errors + " errors, " + open + " findings, " + acknowledged + " acknowledged");
    }
}
