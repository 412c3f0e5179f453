package dev.clausewise.api;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Json;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** POST /v1/decisions: one question in, a decision with its trail out. */
@Controller("/v1/decisions")
final class DecisionController {
    private final PolicyCatalog catalog;

    DecisionController(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> decide(@Body String body) {
        QueryJson.Request request = QueryJson.read(QueryJson.parse(body));
        Answer answer = catalog.decide(request.query(), request.explain());
        if (answer instanceof Answer.Rejected r) {
            HttpStatus status = "unknown_policy".equals(r.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
            return new ApiError(r.code(), r.message(), r.errors()).respond(status);
        }
        return HttpResponse.ok(Json.write(((Answer.Answered) answer).decision())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
