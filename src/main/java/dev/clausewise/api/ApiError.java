package dev.clausewise.api;

import dev.clausewise.query.QueryError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.List;

/** The error body of every 4xx: a code, a message, and one entry per offending field with a hint. */
record ApiError(String code, String message, List<QueryError> errors) {
    ApiError {
        errors = List.copyOf(errors);
    }

    static ApiError of(String field, String code, String message, String help) {
        return new ApiError(code, message, List.of(new QueryError(field, code, message, help)));
    }

    HttpResponse<String> respond(HttpStatus status) {
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(dev.clausewise.explain.Json.write(this));
    }
}
