package dev.clausewise.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryError;
import dev.clausewise.source.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a decision request body field by field, so that every problem names its field: malformed JSON,
 * unknown fields (with "did you mean"), wrong types. Nothing is bound by reflection.
 */
public final class QueryJson {
    /** Strict about what follows the value: `{...} {...}` on one line is two questions, not one. */
    private static final ObjectReader READER = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> FIELDS = Set.of("policy", "practice", "data", "recipient", "purpose", "subject",
            "region", "destination", "context", "explain");
    private static final Set<String> CONTEXT = Set.of("consent", "optedOut", "identifiability", "age", "legalProcess", "doNotTrack");

    /** Longest value a question field may hold: keys and ids are short, so longer is a mistake or an attack. */
    public static final int MAX_VALUE = 200;

    /** A parsed request: the query and how much trail it wants. */
    public record Request(Query query, Explain explain) {
    }

    /** One line of a JSON Lines batch: the request, or every problem found, each naming its field. */
    public record Line(Request request, List<QueryError> errors) {
        public Line {
            errors = List.copyOf(errors);
        }
    }

    private QueryJson() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new RequestException(400, ApiError.of("body", "empty_body", "the request has no body", "send a JSON object, e.g. {\"policy\":\"mixpanel\",\"practice\":\"share.sell\"}"));
        }
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            QueryError error = malformed("body", "the body", e);
            throw new RequestException(400, new ApiError(error.code(), error.message(), List.of(error)));
        }
    }

    private static QueryError malformed(String field, String what, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        return new QueryError(field, "malformed_json", what + " is not valid JSON" + where, e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /**
     * Reads one line of a JSON Lines batch (a POST /v1/decisions body on one line). A line without `explain` gets
     * {@code fallback}. Problems name the field; a line that is not JSON is reported on the field `line`.
     */
    public static Line line(String text, Explain fallback) {
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Line(null, List.of(malformed("line", "the line", e)));
        }
        if (!(node instanceof ObjectNode)) {
            return new Line(null, List.of(new QueryError("line", "expected_object", "each line must be one JSON object",
                    "e.g. {\"policy\":\"mixpanel\",\"practice\":\"share.sell\"}")));
        }
        List<QueryError> errors = new ArrayList<>();
        Request r = read(node, "", errors);
        if (!errors.isEmpty()) {
            return new Line(null, errors);
        }
        return new Line(node.hasNonNull("explain") ? r : new Request(r.query(), fallback), List.of());
    }

    static Request read(JsonNode node) {
        List<QueryError> errors = new ArrayList<>();
        Request r = read(node, "", errors);
        if (!errors.isEmpty()) {
            throw new RequestException(400, new ApiError(errors.get(0).code(), errors.get(0).message(), errors));
        }
        return r;
    }

    /** Reads one request; problems are added to {@code errors} with the field path prefixed (batch items use "[3].data"). */
    static Request read(JsonNode node, String prefix, List<QueryError> errors) {
        if (!(node instanceof ObjectNode o)) {
            errors.add(new QueryError(prefix.isEmpty() ? "body" : prefix, "expected_object", "a decision request must be a JSON object", null));
            return null;
        }
        unknown(o, FIELDS, prefix, errors);
        JsonNode c = o.get("context");
        Query.Context context = Query.Context.NONE;
        if (c != null && !c.isNull()) {
            if (c instanceof ObjectNode co) {
                unknown(co, CONTEXT, prefix + "context.", errors);
                context = new Query.Context(text(co, "consent", prefix + "context.", errors), bool(co, "optedOut", prefix + "context.", errors),
                        text(co, "identifiability", prefix + "context.", errors), integer(co, "age", prefix + "context.", errors),
                        bool(co, "legalProcess", prefix + "context.", errors), bool(co, "doNotTrack", prefix + "context.", errors));
            } else {
                errors.add(new QueryError(prefix + "context", "wrong_type", "`context` must be an object", "e.g. {\"consent\":\"denied\"}"));
            }
        }
        String explainText = text(o, "explain", prefix, errors);
        Optional<Explain> explain = Explain.parse(explainText);
        if (explain.isEmpty()) {
            errors.add(new QueryError(prefix + "explain", "invalid_value", "explain `" + explainText + "` is not none, summary or full",
                    Suggestions.didYouMean(explainText.toLowerCase(), List.of("none", "summary", "full"))));
        }
        Query q = new Query(text(o, "policy", prefix, errors), text(o, "practice", prefix, errors), text(o, "data", prefix, errors),
                text(o, "recipient", prefix, errors), text(o, "purpose", prefix, errors), text(o, "subject", prefix, errors),
                text(o, "region", prefix, errors), text(o, "destination", prefix, errors), context);
        return new Request(q, explain.orElse(Explain.FULL));
    }

    private static void unknown(ObjectNode o, Set<String> allowed, String prefix, List<QueryError> errors) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                errors.add(new QueryError(prefix + LogText.clip(f), "unknown_field", "unknown field `" + LogText.clip(f) + "`",
                        Optional.ofNullable(Suggestions.didYouMean(f, allowed)).orElse("allowed: " + String.join(", ", allowed.stream().sorted().toList()))));
            }
        }
    }

    private static String text(ObjectNode o, String f, String prefix, List<QueryError> errors) {
        JsonNode n = o.get(f);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            errors.add(new QueryError(prefix + f, "wrong_type", "`" + f + "` must be a string, found " + n.getNodeType().name().toLowerCase(), null));
            return null;
        }
        return bounded(prefix + f, n.textValue(), errors);
    }

    /** The value, or null and a `value_too_long` error naming the field when it is longer than {@link #MAX_VALUE}. */
    static String bounded(String field, String value, List<QueryError> errors) {
        if (value != null && value.length() > MAX_VALUE) {
            errors.add(new QueryError(field, "value_too_long", "`" + field + "` has " + value.length() + " characters; at most " + MAX_VALUE,
                    "send a vocabulary key or alias (GET /v1/vocabulary)"));
            return null;
        }
        return value;
    }

    private static Boolean bool(ObjectNode o, String f, String prefix, List<QueryError> errors) {
        JsonNode n = o.get(f);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            errors.add(new QueryError(prefix + f, "wrong_type", "`" + f + "` must be true, false or null, found " + n.getNodeType().name().toLowerCase(), null));
            return null;
        }
        return n.booleanValue();
    }

    private static Integer integer(ObjectNode o, String f, String prefix, List<QueryError> errors) {
        JsonNode n = o.get(f);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isInt()) {
            errors.add(new QueryError(prefix + f, "wrong_type", "`" + f + "` must be a whole number or null, found " + n.getNodeType().name().toLowerCase(), null));
            return null;
        }
        return n.intValue();
    }
}
