package dev.clausewise.cli;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Json;
import dev.clausewise.query.Query;
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
    @Option(names = "--practice", required = true, description = "Practice key or alias, e.g. share.sell.")
    String practice;
    @Option(names = "--data", description = "Data category (default: user = any personal information).")
    String data;
    @Option(names = "--recipient", description = "Recipient key or alias, e.g. advertisers.")
    String recipient;
    @Option(names = "--purpose", description = "Purpose key.")
    String purpose;
    @Option(names = "--subject", description = "Data subject key.")
    String subject;
    @Option(names = "--region", description = "ISO 3166 code or group (default: ANY).")
    String region;
    @Option(names = "--destination", description = "Destination region, for transfer.*.")
    String destination;
    @Option(names = "--consent", description = "granted | denied | unknown.")
    String consent;
    @Option(names = "--opted-out", arity = "1", description = "true | false.")
    Boolean optedOut;
    @Option(names = "--identifiability", description = "identified | pseudonymized | aggregated | anonymized.")
    String identifiability;
    @Option(names = "--age", description = "Age of the data subject in years.")
    Integer age;
    @Option(names = "--legal-process", arity = "1", description = "true | false: a subpoena, court order or lawful request is present.")
    Boolean legalProcess;
    @Option(names = "--do-not-track", description = "The browser sends Do Not Track.")
    Boolean doNotTrack;
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
        Query q = new Query(policy, practice, data, recipient, purpose, subject, region, destination,
                new Query.Context(consent, optedOut, identifiability, age, legalProcess, doNotTrack));
        Answer a = catalog.get().decide(q, level.get());
        if (a instanceof Answer.Rejected r) {
            r.errors().forEach(e -> System.err.println("--" + e.field() + ": " + e.code() + ": " + e.message() + (e.help() == null ? "" : "\n    help: " + e.help())));
            return 2;
        }
        Decision d = ((Answer.Answered) a).decision();
        System.out.println(json ? Json.pretty(d) : DecisionText.render(d));
        return 0;
    }
}
