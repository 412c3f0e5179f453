package dev.clausewise.cli;

import dev.clausewise.analysis.Compare;
import dev.clausewise.analysis.Progress;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Json;
import dev.clausewise.source.Suggestions;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.wire.CompareMatrix;
import dev.clausewise.wire.CompareTable;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Ask one question of every loaded policy (policy -> outcome, conditions, quote), "
                + "or, with --policy --rows --cols, one policy over two dimensions.")
final class CompareCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "POLICY", description = "Matrix mode: the policy to ask (an id, a policy folder or a policy.yaml file of a policies root).")
    String policy;
    @Option(names = "--rows", description = "Matrix mode: the dimension of the rows (practice, data, recipient, purpose, subject, region, destination).")
    String rows;
    @Option(names = "--cols", description = "Matrix mode: the dimension of the columns.")
    String cols;
    @Option(names = "--json", description = "Print JSON, as GET /v1/compare returns it.")
    boolean json;
    @Option(names = "--markdown", description = "Print the policy table as markdown.")
    boolean markdown;

    @Override
    public Integer call() {
        boolean matrix = policy != null || rows != null || cols != null;
        Optional<Dimension> r = Compare.dimension(rows);
        Optional<Dimension> c = Compare.dimension(cols);
        if (matrix && (policy == null || r.isEmpty() || c.isEmpty())) {
            System.err.println("compare: matrix mode needs --policy, --rows and --cols, each a dimension: "
                    + String.join(", ", Dimension.MATCHED.stream().map(Dimension::key).toList()));
            Optional.ofNullable(r.isEmpty() && rows != null ? rows : c.isEmpty() ? cols : null)
                    .map(w -> Suggestions.didYouMean(w, Dimension.MATCHED.stream().map(Dimension::key).toList()))
                    .ifPresent(h -> System.err.println("    help: " + h));
            return ExitCodes.USAGE;
        }
        Optional<DecideCommand.Asked> asked = DecideCommand.asked(policies, policy);
        if (asked.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<PolicyCatalog> catalog = policies.open(asked.get().root(), System.err, false);
        if (catalog.isEmpty()) {
            return ExitCodes.FAILED;
        }
        if (matrix) {
            Compare.Result<Compare.Matrix> m = Compare.matrix(catalog.get(), QuestionOptions.query(spec, asked.get().policy()), r.get(), c.get(), Progress.NONE);
            if (m.value().isEmpty()) {
                DecideCommand.printRejected(m.rejected());
                return ExitCodes.USAGE;
            }
            System.out.print(json ? Json.pretty(CompareMatrix.of(m.value().get())) + "\n" : CompareText.matrix(m.value().get()));
            return ExitCodes.OK;
        }
        Compare.Result<Compare.Table> t = Compare.question(catalog.get(), QuestionOptions.query(spec, null), Progress.NONE);
        if (t.value().isEmpty()) {
            DecideCommand.printRejected(t.rejected());
            return ExitCodes.USAGE;
        }
        System.out.print(json ? Json.pretty(CompareTable.of(t.value().get())) + "\n" : markdown ? CompareText.markdown(t.value().get()) : CompareText.table(t.value().get()));
        return ExitCodes.OK;
    }
}
