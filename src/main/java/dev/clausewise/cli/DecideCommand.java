package dev.clausewise.cli;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Json;
import dev.clausewise.query.Query;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Answer one question about a policy, with the trail.",
                "With --batch, answer JSON Lines questions (one POST /v1/decisions body per line) with one JSON answer per line,"
                        + " in input order; a bad line gets {\"line\":N,\"error\":{...}} and the rest are answered (exit 1 if any failed)."})
final class DecideCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--batch", paramLabel = "FILE|-", description = "JSON Lines questions from FILE, or - for standard input.")
    String batch;
    @Option(names = "--policy", description = "Policy id, e.g. mixpanel (required; with --batch, the policy of lines that name none).")
    String policy;
    @Option(names = "--practice", description = "Practice key or alias, e.g. share.sell (required without --batch).")
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
    @Option(names = "--explain", defaultValue = "full", description = "none | summary | full (default: ${DEFAULT-VALUE}; with --batch, for lines without `explain`).")
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
        if (batch != null) {
            return batch(level.get());
        }
        if (policy == null || practice == null) {
            System.err.println((policy == null ? "--policy" : "--practice") + ": missing_field: required to answer one question (or use --batch FILE|-)");
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

    private Integer batch(Explain level) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("--practice", practice);
        given.put("--data", data);
        given.put("--recipient", recipient);
        given.put("--purpose", purpose);
        given.put("--subject", subject);
        given.put("--region", region);
        given.put("--destination", destination);
        given.put("--consent", consent);
        given.put("--opted-out", optedOut);
        given.put("--identifiability", identifiability);
        given.put("--age", age);
        given.put("--legal-process", legalProcess);
        given.put("--do-not-track", doNotTrack);
        given.put("--json", json ? true : null);
        List<String> oneQuestionOptions = given.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        if (!oneQuestionOptions.isEmpty()) {
            System.err.println(String.join(", ", oneQuestionOptions) + ": invalid_option: --batch takes each question from its line"
                    + "\n    help: put these fields in the JSON of each line; --batch output is always JSON");
            return 2;
        }
        BufferedReader in;
        try {
            in = batch.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(batch), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            System.err.println("--batch: unreadable: cannot read `" + batch + "`: " + e.getMessage());
            return 2;
        }
        Optional<PolicyCatalog> catalog = policies.open(System.err, false);
        if (catalog.isEmpty()) {
            return 1;
        }
        try (in) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            BatchDecide.Summary s = new BatchDecide(catalog.get(), level, policy).run(in, out);
            System.err.println(s.lines() + " questions: " + (s.lines() - s.failed()) + " answered, " + s.failed() + " failed");
            return s.failed() == 0 ? 0 : 1;
        } catch (IOException e) {
            System.err.println("--batch: unreadable: " + e.getMessage());
            return 1;
        }
    }
}
