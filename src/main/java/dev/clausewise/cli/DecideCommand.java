package dev.clausewise.cli;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Json;
import dev.clausewise.wire.DecisionResponse;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
    @Spec
    CommandSpec spec;
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
        if (policy == null || QuestionOptions.given(spec).get("--practice") == null) {
            System.err.println((policy == null ? "--policy" : "--practice") + ": missing_field: required to answer one question (or use --batch FILE|-)");
            return 2;
        }
        Optional<PolicyCatalog> catalog = policies.open(System.err, false);
        if (catalog.isEmpty()) {
            return 1;
        }
        Answer a = catalog.get().decide(QuestionOptions.query(spec, policy), level.get());
        if (a instanceof Answer.Rejected r) {
            printRejected(r);
            return 2;
        }
        Decision d = ((Answer.Answered) a).decision();
        System.out.println(json ? Json.pretty(DecisionResponse.of(d)) : DecisionText.render(d));
        return 0;
    }

    private Integer batch(Explain level) {
        Map<String, Object> given = QuestionOptions.given(spec);
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

    /** A question the vocabulary rejects, one line per field as the option that set it. */
    static void printRejected(Answer.Rejected r) {
        r.errors().forEach(e -> System.err.println(QuestionOptions.option(e.field()) + ": " + e.code() + ": " + e.message() + (e.help() == null ? "" : "\n    help: " + e.help())));
    }
}
