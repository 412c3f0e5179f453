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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Answer one question about a policy, with the trail: clausewise decide POLICY --practice KEY [...].",
                "With --batch, answer JSON Lines questions (one POST /v1/decisions body per line) with one JSON answer per line,"
                        + " in input order; a bad line gets {\"line\":N,\"error\":{...}} and the rest are answered (exit 1 if any failed)."})
final class DecideCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--batch", paramLabel = "FILE|-", description = "JSON Lines questions from FILE, or - for standard input.")
    String batch;
    @Option(names = "--policy", paramLabel = "POLICY", description = "The policy, as the POLICY parameter (with --batch, the policy of lines that name none).")
    String policyOption;
    @Parameters(paramLabel = "POLICY", arity = "0..1", description = "The policy to ask (or --policy): a policy id, a policy folder or a policy.yaml file "
            + "of a policies root; paths are relative to the working directory.")
    String policyParameter;
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
        if (policyOption != null && policyParameter != null) {
            System.err.println("--policy: invalid_option: the policy is given twice (`" + policyParameter + "` and --policy " + policyOption + ")");
            return ExitCodes.USAGE;
        }
        String policyArg = policyOption != null ? policyOption : policyParameter;
        if (batch == null && (policyArg == null || QuestionOptions.given(spec).get("--practice") == null)) {
            System.err.println((policyArg == null ? "POLICY" : "--practice") + ": missing_field: required to answer one question (or use --batch FILE|-)");
            return ExitCodes.USAGE;
        }
        Optional<Asked> asked = asked(policies, policyArg);
        if (asked.isEmpty()) {
            return ExitCodes.USAGE;
        }
        if (batch != null) {
            return batch(level.get(), asked.get());
        }
        Optional<PolicyCatalog> catalog = policies.open(asked.get().root(), System.err, false);
        if (catalog.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Answer a = catalog.get().decide(QuestionOptions.query(spec, asked.get().policy()), level.get());
        if (a instanceof Answer.Rejected r) {
            printRejected(r);
            return ExitCodes.USAGE;
        }
        Decision d = ((Answer.Answered) a).decision();
        System.out.println(json ? Json.pretty(DecisionResponse.of(d)) : DecisionText.render(d));
        return 0;
    }

    /** The root whose catalog answers, and the id of the policy asked (null: each batch line names its own). */
    record Asked(Path root, String policy) {
    }

    /** Resolves the policy asked; it must be a policy of a root, as a catalog serves it by id. */
    static Optional<Asked> asked(PoliciesOption policies, String policyArg) {
        if (policyArg == null) {
            return policies.resolve(List.of()).map(a -> new Asked(a.root(), null));
        }
        Optional<PolicyArgs> named = policies.one("POLICY", policyArg);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        PolicyArgs.Target t = named.get().policies().get(0);
        if (!named.get().inRoot(t)) {
            System.err.println(policyArg + ": not_in_root: questions are answered from a policies root, and " + t.dir() + " is not a folder of "
                    + named.get().root() + "\n    help: pass --policies DIR, the folder with vocabulary.yaml that holds this policy's folder");
            return Optional.empty();
        }
        return Optional.of(new Asked(named.get().root(), t.id()));
    }

    private Integer batch(Explain level, Asked asked) {
        Map<String, Object> given = QuestionOptions.given(spec);
        given.put("--json", json ? true : null);
        List<String> oneQuestionOptions = given.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey).toList();
        if (!oneQuestionOptions.isEmpty()) {
            System.err.println(String.join(", ", oneQuestionOptions) + ": invalid_option: --batch takes each question from its line"
                    + "\n    help: put these fields in the JSON of each line; --batch output is always JSON");
            return ExitCodes.USAGE;
        }
        BufferedReader in;
        try {
            in = batch.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(batch), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            System.err.println("--batch: unreadable: cannot read `" + batch + "`: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Optional<PolicyCatalog> catalog = policies.open(asked.root(), System.err, false);
        if (catalog.isEmpty()) {
            return ExitCodes.FAILED;
        }
        try (in) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            BatchDecide.Summary s = new BatchDecide(catalog.get(), level, asked.policy()).run(in, out);
            // What this batch decided answers the next run of the same versions at once, as the service's stop does.
            catalog.get().persistAnswers();
            System.err.println(s.lines() + " questions: " + (s.lines() - s.failed()) + " answered, " + s.failed() + " failed");
            return s.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (IOException e) {
            System.err.println("--batch: unreadable: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** A question the vocabulary rejects, one line per field as the option that set it. */
    static void printRejected(Answer.Rejected r) {
        r.errors().forEach(e -> System.err.println(QuestionOptions.option(e.field()) + ": " + e.code() + ": " + e.message() + (e.help() == null ? "" : "\n    help: " + e.help())));
    }
}
