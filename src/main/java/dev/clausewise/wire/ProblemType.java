package dev.clausewise.wire;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every problem the API answers with, one per code, with its HTTP status: the status follows from the code, never
 * from comparing message strings. Codes of words the vocabulary does not know (unknown_practice, unknown_region,
 * ...) are {@link #UNKNOWN_KEY}'s family: 400. {@link #CLIENT_GONE} is never read: the client closed the connection.
 */
public enum ProblemType {
    EMPTY_BODY(400), MALFORMED_JSON(400), EXPECTED_OBJECT(400), EXPECTED_ARRAY(400), UNKNOWN_FIELD(400), WRONG_TYPE(400),
    MISSING_FIELD(400), INVALID_VALUE(400), INVALID_ID(400), AMBIGUOUS_ALIAS(400), UNKNOWN_KEY(400), INVALID_SCENARIOS(400),
    BAD_REQUEST(400), VALUE_TOO_LONG(400), UNAUTHORIZED(401), AUTHORING_DISABLED(403), UNKNOWN_POLICY(404), NO_POLICY_FILE(404), UNKNOWN_DECISION(404),
    DECISION_LOG_DISABLED(404), NOT_FOUND(404), METHOD_NOT_ALLOWED(405), NOT_ACCEPTABLE(406), BATCH_TOO_LARGE(413),
    CLIENT_GONE(408), BODY_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), INVALID_POLICY(422), QUESTION_BUDGET_EXCEEDED(422), TOO_MANY_ANALYSES(429), INTERNAL_ERROR(500),
    TIME_BUDGET_EXCEEDED(503);

    private final int status;

    ProblemType(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a code; a vocabulary's unknown_* code that is not listed is an unknown key. */
    public static ProblemType of(String code) {
        Optional<ProblemType> t = Arrays.stream(values()).filter(v -> v.code().equals(code)).findFirst();
        return t.orElseGet(() -> code.startsWith("unknown_") ? UNKNOWN_KEY : BAD_REQUEST);
    }
}
