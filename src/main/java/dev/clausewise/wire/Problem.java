package dev.clausewise.wire;

import dev.clausewise.query.QueryError;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of every 4xx/5xx (application/problem+json): an RFC 9457 problem (type, title, status, detail) that also
 * carries a stable {@code code}, a {@code message} and one entry per offending field with a hint.
 */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable code and one entry per offending field.")
public record Problem(@Schema(example = "urn:clausewise:problem:unknown_field") String type,
                      @Schema(example = "unknown field") String title,
                      @Schema(example = "400") int status,
                      String detail,
                      @Schema(example = "unknown_field") String code,
                      String message,
                      List<QueryError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = List.copyOf(errors);
    }

    /** A problem of {@code code}; its status is the code's ({@link ProblemType}). */
    public static Problem of(String code, String message, List<QueryError> errors) {
        return new Problem("urn:clausewise:problem:" + code, code.replace('_', ' '), ProblemType.of(code).status(), message, code, message, errors);
    }

    public static Problem of(String field, String code, String message, String help) {
        return of(code, message, List.of(new QueryError(field, code, message, help)));
    }

    /** The same problem answered under another status (a framework error whose status is already decided). */
    public Problem withStatus(int status) {
        return new Problem(type, title, status, detail, code, message, errors);
    }
}
