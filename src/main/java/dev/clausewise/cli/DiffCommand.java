package dev.clausewise.cli;

import dev.clausewise.analysis.DiffReport;
import dev.clausewise.analysis.PolicyDiff;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.Json;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.wire.DiffResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "The exact semantic difference of two policies: every question whose answer changes, grouped into general changes. "
                + "Exit codes as diff(1): 0 no change, 1 changes, 2 trouble.")
final class DiffCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--json", description = "Print the report as JSON, as POST /v1/diff returns it.")
    boolean json;

    @Parameters(index = "0", paramLabel = "A", description = "One policy: an id, a policy folder (named anything) or a policy.yaml file.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The policy to compare A with, named the same ways.")
    String b;

    @Override
    public Integer call() {
        Optional<PolicyArgs> named = policies.each("A and B", List.of(a, b));
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<PolicyBuilder> builder = policies.builder(named.get().root(), System.err);
        if (builder.isEmpty()) {
            return ExitCodes.USAGE;
        }
        // Two versions of one policy are often kept in folders named apart: the id is not checked against the folder.
        Optional<PolicyFiles> fa = PoliciesOption.read(named.get().policies().get(0), null);
        Optional<PolicyFiles> fb = fa.isEmpty() ? Optional.empty() : PoliciesOption.read(named.get().policies().get(1), null);
        if (fb.isEmpty()) {
            return ExitCodes.USAGE;
        }
        // The two builds are independent: build them side by side.
        List<PolicyBuild> builds = List.of(fa.get(), fb.get()).parallelStream().map(f -> f.build(builder.get())).toList();
        Optional<LoadedPolicy> pa = built(builds.get(0));
        Optional<LoadedPolicy> pb = built(builds.get(1));
        if (pa.isEmpty() || pb.isEmpty()) {
            return ExitCodes.USAGE;
        }
        DiffReport r = PolicyDiff.diff(pa.get(), pb.get(), builder.get().vocabulary(), ProgressBar.forTerminal("diff"));
        System.out.println(json ? Json.pretty(DiffResponse.of(r)) : render(r));
        return r.empty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Optional<LoadedPolicy> built(PolicyBuild b) {
        b.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).forEach(System.err::println);
        return b.policy();
    }

    static String render(DiffReport r) {
        StringBuilder s = new StringBuilder();
        s.append("--- ").append(r.a().id()).append(' ').append(r.a().version()).append('\n');
        s.append("+++ ").append(r.b().id()).append(' ').append(r.b().version()).append('\n');
        for (DiffReport.Change c : r.changes()) {
            s.append(c.text()).append('\n');
            side(s, "-", c.before());
            side(s, "+", c.after());
        }
        s.append(r.changes().size()).append(" changes; ").append(r.questions()).append(" question classes compared with ")
                .append(r.evaluations()).append(" engine evaluations");
        return s.toString();
    }

    private static void side(StringBuilder s, String mark, DiffReport.Side side) {
        s.append("    ").append(mark).append(' ').append(side.answer());
        if (!side.reasons().isEmpty()) {
            s.append("  by ").append(String.join(", ", side.reasons()));
        }
        s.append('\n');
        for (CiteView c : side.cites()) {
            s.append("        \"").append(c.quote()).append("\"\n");
        }
    }
}
