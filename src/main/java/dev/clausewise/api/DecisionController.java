package dev.clausewise.api;

import dev.clausewise.catalog.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clausewise.query.QueryError;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.clausewise.explain.Json;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Decisions: one question, a batch of questions, and a logged decision read back by id. */
@Controller("/v1/decisions")
final class DecisionController {
    private final DecisionService decisions;
    private final int maxBatch;

    DecisionController(DecisionService decisions, @Value("${clausewise.batch.max-queries:10000}") int maxBatch) {
        this.decisions = decisions;
        this.maxBatch = maxBatch;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> decide(@Body String body) {
        QueryJson.Request request = QueryJson.read(QueryJson.parse(body));
        Answer answer = decisions.decide(request.query(), request.explain());
        if (answer instanceof Answer.Rejected r) {
            HttpStatus status = "unknown_policy".equals(r.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            return new ApiError(r.code(), r.message(), r.errors()).respond(status);
        }
        return HttpResponse.ok(Json.write(((Answer.Answered) answer).decision())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** Answers in order; a bad question gets its own error entry and the rest are answered. */
    @Post(value = "/batch", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.REQUESTS)
    HttpResponse<String> batch(@Body String body) {
        JsonNode root = QueryJson.parse(body);
        JsonNode queries = root.get("queries");
        if (!root.isObject() || queries == null || !queries.isArray()) {
            throw new RequestException(400, ApiError.of("queries", "expected_array", "the body must be {\"queries\": [ ... ]}", "each item is a POST /v1/decisions body"));
        }
        java.util.Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!f.equals("queries")) {
                throw new RequestException(400, ApiError.of(f, "unknown_field", "unknown field `" + f + "`", "the batch body has only `queries`"));
            }
        }
        if (queries.size() > maxBatch) {
            throw new RequestException(413, ApiError.of("queries", "batch_too_large", queries.size() + " queries; at most " + maxBatch + " per batch", "split the batch"));
        }
        List<Map<String, Object>> answers = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            List<QueryError> errors = new ArrayList<>();
            QueryJson.Request request = QueryJson.read(queries.get(i), "queries[" + i + "].", errors);
            Answer answer = errors.isEmpty() ? decisions.decide(request.query(), request.explain())
                    : new Answer.Rejected(errors.get(0).code(), errors.get(0).message(), errors);
            if (answer instanceof Answer.Answered a) {
                answers.add(Map.of("decision", a.decision()));
            } else {
                Answer.Rejected r = (Answer.Rejected) answer;
                List<QueryError> prefixed = r.errors().stream().map(e -> e.field().startsWith("queries[") ? e
                        : new QueryError("queries[" + answers.size() + "]." + e.field(), e.code(), e.message(), e.help())).toList();
                answers.add(Map.of("error", new ApiError(r.code(), r.message(), prefixed).withStatus(400)));
            }
        }
        return HttpResponse.ok(Json.write(Map.of("answers", answers))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.REQUESTS)
    HttpResponse<String> logged(@PathVariable String id) {
        if (!decisions.logging()) {
            throw new RequestException(404, ApiError.of("id", "decision_log_disabled", "the decision log is disabled", "set clausewise.decision-log.enabled=true"));
        }
        return decisions.logged(id).map(line -> HttpResponse.ok(line).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseThrow(() -> new RequestException(404, ApiError.of("id", "unknown_decision", "no decision `" + LogText.clip(id) + "` in the decision log", null)));
    }
}
