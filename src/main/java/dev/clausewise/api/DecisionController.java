package dev.clausewise.api;

import dev.clausewise.catalog.Answer;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryError;
import dev.clausewise.wire.BatchAnswer;
import dev.clausewise.wire.BatchRequest;
import dev.clausewise.wire.DecisionRequest;
import dev.clausewise.wire.DecisionResponse;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Decisions: one question, a batch of questions, and a logged decision read back by id. */
@SecurityRequirement(name = "")
@Controller("/v1/decisions")
@Tag(name = "decisions")
final class DecisionController {
    /** The executor memo misses are decided on (configured under micronaut.executors): Drools never runs on the event loop. */
    static final String ENGINE = "engine";

    private final DecisionService decisions;
    private final int maxBatch;
    private final ExecutorService engine;

    DecisionController(DecisionService decisions, @Value("${clausewise.batch.max-queries:10000}") int maxBatch,
                       @Named(ENGINE) ExecutorService engine) {
        this.decisions = decisions;
        this.maxBatch = maxBatch;
        this.engine = engine;
    }

    @Operation(summary = "Answer one question", description = "The decision with its explanation trail, quoting the policy.")
    @ApiResponse(responseCode = "200", description = "the decision")
    @ApiResponse(responseCode = "400", description = "malformed JSON, an unknown field, a wrong type or a key the vocabulary rejects",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such policy is loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<DecisionResponse> decide(@Body DecisionRequest request) {
        // A rejection or a class the memo holds is answered here; a class Drools must decide (or a version whose
        // rules are still being built) is answered on the engine executor, so the event loop never waits for it.
        Optional<Answer> known = decisions.decideKnown(request.query(), request.explainLevel());
        CompletableFuture<DecisionResponse> response = new CompletableFuture<>();
        if (known.isPresent()) {
            complete(response, known.get());
        } else {
            engine.execute(() -> {
                try {
                    complete(response, decisions.decide(request.query(), request.explainLevel()));
                } catch (RuntimeException e) {
                    response.completeExceptionally(e);
                }
            });
        }
        return response;
    }

    private static void complete(CompletableFuture<DecisionResponse> response, Answer answer) {
        if (answer instanceof Answer.Answered a) {
            response.complete(DecisionResponse.of(a.decision()));
        } else {
            Answer.Rejected r = (Answer.Rejected) answer;
            response.completeExceptionally(new ProblemException(Problem.of(r.code(), r.message(), r.errors())));
        }
    }

    @Operation(summary = "Answer many questions", description = "Answers in order; a question that cannot be answered gets its own error "
            + "and the rest are answered.")
    @ApiResponse(responseCode = "200", description = "one answer per question, in order: {decision} or {error}")
    @ApiResponse(responseCode = "400", description = "the body is not {\"queries\": [...]}",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "more questions than clausewise.batch.max-queries",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(value = "/batch", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.REQUESTS)
    BatchAnswer batch(@Body BatchRequest body) {
        if (body.queries().size() > maxBatch) {
            throw new ProblemException(Problem.of("queries", "batch_too_large", body.queries().size() + " queries; at most " + maxBatch + " per batch",
                    "split the batch"));
        }
        List<Integer> readable = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        List<Explain> levels = new ArrayList<>();
        for (int i = 0; i < body.queries().size(); i++) {
            if (body.unreadable().get(i) == null) {
                readable.add(i);
                queries.add(body.queries().get(i).query());
                levels.add(body.queries().get(i).explainLevel());
            }
        }
        List<Answer> decided = decisions.decideAll(queries, levels);
        List<BatchAnswer.Item> answers = new ArrayList<>(body.queries().size());
        for (int i = 0, next = 0; i < body.queries().size(); i++) {
            Problem unreadable = body.unreadable().get(i);
            if (unreadable != null) {
                answers.add(new BatchAnswer.Failed(unreadable));
                continue;
            }
            Answer answer = decided.get(next++);
            if (answer instanceof Answer.Answered a) {
                answers.add(new BatchAnswer.Decided(DecisionResponse.of(a.decision())));
            } else {
                Answer.Rejected r = (Answer.Rejected) answer;
                String prefix = "queries[" + i + "].";
                List<QueryError> prefixed = r.errors().stream()
                        .map(e -> new QueryError(prefix + e.field(), e.code(), e.message(), e.help())).toList();
                answers.add(new BatchAnswer.Failed(Problem.of(r.code(), r.message(), prefixed)));
            }
        }
        return new BatchAnswer(answers);
    }

    @Operation(summary = "A logged decision", description = "The decision log's record of a decision: the question as asked and the answer.")
    @ApiResponse(responseCode = "200", description = "the decision log record", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoggedDecision.class)))
    @ApiResponse(responseCode = "404", description = "no such decision, or the decision log is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.REQUESTS)
    HttpResponse<String> logged(@PathVariable String id) {
        if (!decisions.logging()) {
            throw new ProblemException(Problem.of("id", "decision_log_disabled", "the decision log is disabled", "set clausewise.decision-log.enabled=true"));
        }
        return decisions.logged(id).map(line -> HttpResponse.ok(line).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseThrow(() -> new ProblemException(Problem.of("id", "unknown_decision", "no decision `" + LogText.clip(id) + "` in the decision log", null)));
    }
}
