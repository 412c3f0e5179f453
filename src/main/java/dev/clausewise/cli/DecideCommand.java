package dev.clausewise.cli;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Json;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "decide", mixinStandardHelpOptions = true, description = "Answer one question about a policy, with the trail.")
final class DecideCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--policy", required = true, description = "Policy id, e.g. mixpanel.")
    String policy;
    @Mixin
    QuestionOptions question;
    @Option(names = "--explain", defaultValue = "full", description = "none | summary | full (default: ${DEFAULT-VALUE}).")
    String explain;
    @Option(names = "--json", description = "Print the decision as JSON, as the REST API returns it.")
    boolean json;

    @Override
    public Integer call() {
        Optional<Explain> level = Explain.parse(explain);
        if (level.isEmpty()) {
            System.err.println("--explain: invalid_value: `" + explain + "` is not none, summary or full");
            return 2;
        }
        Optional<PolicyCatalog> catalog = policies.open(System.err, false);
        if (catalog.isEmpty()) {
            return 1;
        }
        Answer a = catalog.get().decide(question.query(policy), level.get());
        if (a instanceof Answer.Rejected r) {
            printRejected(r);
            return 2;
        }
        Decision d = ((Answer.Answered) a).decision();
        System.out.println(json ? Json.pretty(d) : DecisionText.render(d));
        return 0;
    }

    /** A question the vocabulary rejects, one line per field as the option that set it. */
    static void printRejected(Answer.Rejected r) {
        r.errors().forEach(e -> System.err.println("--" + e.field() + ": " + e.code() + ": " + e.message() + (e.help() == null ? "" : "\n    help: " + e.help())));
    }
}
