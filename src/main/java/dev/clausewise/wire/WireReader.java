package dev.clausewise.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.QueryError;
import dev.clausewise.source.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads request bodies field by field from {@link QueryFields}, so that every problem names its field: malformed
 * JSON, unknown fields (with "did you mean"), wrong types, every problem of a body at once.
 */
public final class WireReader {
    /** Strict about what follows the value: `{...} {...}` on one line is two questions, not one. */
    private static final ObjectReader READER = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One line of a JSON Lines batch: the request, or every problem found, each naming its field. */
    public record Line(DecisionRequest request, List<QueryError> errors) {
        public Line {
            errors = List.copyOf(errors);
        }
    }

    private WireReader() {
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.of("body", "empty_body", "the request has no body",
                    "send a JSON object, e.g. {\"policy\":\"mixpanel\",\"practice\":\"share.sell\"}"));
        }
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            QueryError error = malformed("body", "the body", e);
            throw new ProblemException(Problem.of(error.code(), error.message(), List.of(error)));
        }
    }

    private static QueryError malformed(String field, String what, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        return new QueryError(field, "malformed_json", what + " is not valid JSON" + where, e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /** A POST /v1/decisions body; every problem at once, or the request. */
    public static DecisionRequest decision(JsonNode node) {
        List<QueryError> errors = new ArrayList<>();
        DecisionRequest r = decision(node, "", errors);
        return orThrow(r, errors);
    }

    /** A POST /v1/decisions/batch body: each item read on its own, an unreadable item keeping its problem. */
    public static BatchRequest batch(JsonNode root) {
        JsonNode queries = root.get("queries");
        if (!(root instanceof ObjectNode o) || queries == null || !queries.isArray()) {
            throw new ProblemException(Problem.of("queries", "expected_array", "the body must be {\"queries\": [ ... ]}",
                    "each item is a POST /v1/decisions body"));
        }
        List<QueryError> errors = new ArrayList<>();
        unknown(o, List.of("queries"), "", errors);
        orThrow(root, errors);
        List<DecisionRequest> items = new ArrayList<>(queries.size());
        Map<Integer, Problem> unreadable = new HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            List<QueryError> itemErrors = new ArrayList<>();
            DecisionRequest r = decision(queries.get(i), "queries[" + i + "].", itemErrors);
            items.add(itemErrors.isEmpty() ? r : null);
            if (!itemErrors.isEmpty()) {
                unreadable.put(i, Problem.of(itemErrors.get(0).code(), itemErrors.get(0).message(), itemErrors));
            }
        }
        return new BatchRequest(items, unreadable);
    }

    /** A POST /v1/diff JSON body. */
    public static DiffRequest diff(JsonNode root) {
        if (!(root instanceof ObjectNode o)) {
            throw new ProblemException(Problem.of("body", "expected_object", "the body must be {\"a\": \"<policy id>\", \"b\": \"<policy id>\"}", null));
        }
        List<QueryError> errors = new ArrayList<>();
        unknown(o, List.of("a", "b"), "", errors);
        DiffRequest r = new DiffRequest(text(o, "a", "", errors), text(o, "b", "", errors));
        return orThrow(r, errors);
    }

    /**
     * One line of a JSON Lines batch (a POST /v1/decisions body on one line). A line without `explain` gets
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
        DecisionRequest r = decision(node, "", errors);
        if (!errors.isEmpty()) {
            return new Line(null, errors);
        }
        return new Line(r.explain() == null ? r.withExplain(fallback.name().toLowerCase(java.util.Locale.ROOT)) : r, List.of());
    }

    private static <T> T orThrow(T value, List<QueryError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(errors.get(0).code(), errors.get(0).message(), errors));
        }
        return value;
    }

    /** Reads one request; problems are added to {@code errors} with the field path prefixed (batch items use "queries[3].data"). */
    static DecisionRequest decision(JsonNode node, String prefix, List<QueryError> errors) {
        if (!(node instanceof ObjectNode o)) {
            errors.add(new QueryError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "expected_object",
                    "a decision request must be a JSON object", null));
            return null;
        }
        unknown(o, QueryFields.requestNames(), prefix, errors);
        Map<String, String> text = new LinkedHashMap<>();
        text.put(QueryFields.POLICY.name(), text(o, QueryFields.POLICY.name(), prefix, errors));
        QueryFields.QUESTION.forEach(f -> text.put(f.name(), text(o, f.name(), prefix, errors)));
        ContextRequest context = context(o.get("context"), prefix, errors);
        String explain = text(o, "explain", prefix, errors);
        if (Explain.parse(explain).isEmpty()) {
            errors.add(new QueryError(prefix + "explain", "invalid_value", "explain `" + explain + "` is not none, summary or full",
                    Suggestions.didYouMean(explain.toLowerCase(java.util.Locale.ROOT), List.of("none", "summary", "full"))));
        }
        return new DecisionRequest(text.get("policy"), text.get("practice"), text.get("data"), text.get("recipient"), text.get("purpose"),
                text.get("subject"), text.get("region"), text.get("destination"), context, explain);
    }

    private static ContextRequest context(JsonNode c, String prefix, List<QueryError> errors) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (!(c instanceof ObjectNode co)) {
            errors.add(new QueryError(prefix + "context", "wrong_type", "`context` must be an object", "e.g. {\"consent\":\"denied\"}"));
            return null;
        }
        String at = prefix + "context.";
        unknown(co, QueryFields.CONTEXT.stream().map(QueryField::name).toList(), at, errors);
        Map<String, Object> v = new HashMap<>();
        for (QueryField f : QueryFields.CONTEXT) {
            v.put(f.name(), switch (f.type()) {
                case TEXT -> text(co, f.name(), at, errors);
                case BOOLEAN -> bool(co, f.name(), at, errors);
                case INTEGER -> integer(co, f.name(), at, errors);
            });
        }
        return new ContextRequest((String) v.get("consent"), (Boolean) v.get("optedOut"), (String) v.get("identifiability"),
                (Integer) v.get("age"), (Boolean) v.get("legalProcess"), (Boolean) v.get("doNotTrack"));
    }

    private static void unknown(ObjectNode o, Collection<String> allowed, String prefix, List<QueryError> errors) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                errors.add(new QueryError(prefix + clip(f), "unknown_field", "unknown field `" + clip(f) + "`",
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
            errors.add(wrongType(prefix + f, f, QueryField.Type.TEXT, n));
            return null;
        }
        return bounded(prefix + f, n.textValue(), errors);
    }

    /** Longest value a question field may hold: keys and ids are short, so longer is a mistake or an attack. */
    public static final int MAX_VALUE = 200;

    /** The value, or null and a `value_too_long` error naming the field when it is longer than {@link #MAX_VALUE}. */
    public static String bounded(String field, String value, List<QueryError> errors) {
        if (value != null && value.length() > MAX_VALUE) {
            errors.add(new QueryError(clip(field), "value_too_long", "`" + clip(field) + "` has " + value.length() + " characters; at most " + MAX_VALUE,
                    "send a vocabulary key or alias (GET /v1/vocabulary)"));
            return null;
        }
        return value;
    }

    /** A field name as echoed in a problem: at most 100 characters. */
    private static String clip(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "… (" + s.length() + " characters)";
    }

    private static Boolean bool(ObjectNode o, String f, String prefix, List<QueryError> errors) {
        JsonNode n = o.get(f);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isBoolean()) {
            errors.add(wrongType(prefix + f, f, QueryField.Type.BOOLEAN, n));
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
            errors.add(wrongType(prefix + f, f, QueryField.Type.INTEGER, n));
            return null;
        }
        return n.intValue();
    }

    private static QueryError wrongType(String path, String f, QueryField.Type type, JsonNode found) {
        return new QueryError(path, "wrong_type", "`" + f + "` must be " + type.expected() + ", found " + found.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
    }
}
