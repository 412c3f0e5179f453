package dev.clausewise.api;

import dev.clausewise.explain.Json;
import dev.clausewise.query.QueryError;
import dev.clausewise.wire.Problem;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Errors the framework raises itself (no route, wrong method, unsupported media type, body too large) get
 * the same problem+json body as ours.
 */
@Singleton
@Primary
final class ProblemResponses implements ErrorResponseProcessor<String> {
    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String code = switch (status.getCode()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status.getCode() >= 500 ? "internal_error" : "bad_request";
        };
        String message = status.getCode() >= 500 ? "the request could not be answered; the server logged why"
                : context.getErrors().stream().map(e -> e.getMessage()).findFirst().orElse(status.getReason());
        List<QueryError> errors = context.getErrors().stream()
                .map(e -> new QueryError(e.getPath().orElse("request"), code, status.getCode() >= 500 ? message : e.getMessage(), null))
                .toList();
        Problem body = Problem.of(code, message, errors.isEmpty() ? List.of(new QueryError("request", code, message, null)) : errors)
                .withStatus(status.getCode());
        return base.contentType(ErrorHandlers.PROBLEM_JSON).body(Json.write(body));
    }
}
