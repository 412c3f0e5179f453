package dev.clausewise.api;

import dev.clausewise.query.QueryError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.List;

/**
 * The body of every 4xx/5xx: an RFC 9457 problem (type, title, status, detail) that also carries a stable
 * {@code code}, a {@code message} and one entry per offending field with a hint.
 */
record ApiError(String type, String title, int status, String detail, String code, String message, List<QueryError> errors) {
    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    ApiError {
        errors = List.copyOf(errors);
    }

    ApiError(String code, String message, List<QueryError> errors) {
        this("urn:clausewise:problem:" + code, code.replace('_', ' '), 0, message, code, message, errors);
    }

    static ApiError of(String field, String code, String message, String help) {
        return new ApiError(code, message, List.of(new QueryError(field, code, message, help)));
    }

    ApiError withStatus(int status) {
        return new ApiError(type, title, status, detail, code, message, errors);
    }

    HttpResponse<String> respond(HttpStatus status) {
        ApiError body = withStatus(status.getCode());
        return HttpResponse.<String>status(status).contentType(PROBLEM_JSON).body(dev.clausewise.explain.Json.write(body));
    }
}
