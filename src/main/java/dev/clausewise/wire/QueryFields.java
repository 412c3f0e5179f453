package dev.clausewise.wire;

import dev.clausewise.query.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every field of a question, once. Adding a context field is one line here plus its meaning in Settings. */
public final class QueryFields {
    public static final QueryField POLICY = text("policy", "policy id (`mixpanel`, ...)", "required for a decision");
    public static final List<QueryField> QUESTION = List.of(
            text("practice", "`collect.direct`, `share.sell`, `transfer.international`, `retain`, `right.delete`, ... (key or alias)", "required"),
            text("data", "data category (fideslang keys): `user.contact.email`, `user.device.cookie_id`", "`user` (any personal information)"),
            text("recipient", "recipient key or alias (`advertisers`, `service_providers`)", "not limited"),
            text("purpose", "purpose key or alias", "not limited"),
            text("subject", "data subject key or alias (`children`, `visitor`)", "not limited"),
            text("region", "ISO 3166 code (`FR`, `US-CA`) or group (`EU`, `EEA`, `EUROPE`, `US`, `ANY`)", "`ANY`"),
            text("destination", "region data goes to, for `transfer.*`", "not limited"));
    public static final List<QueryField> CONTEXT = List.of(
            new QueryField("consent", QueryField.Type.TEXT, true, "whether the user consented", "`unknown`",
                    List.of("granted", "denied", "unknown"), "`choice.opt_in`, `legal_basis.consent`, `trigger.parental_consent`"),
            new QueryField("optedOut", QueryField.Type.BOOLEAN, true, "whether the user opted out", "unknown", List.of(),
                    "`choice.opt_out.*`"),
            new QueryField("identifiability", QueryField.Type.TEXT, true, "how identifiable the data is", "`identified`",
                    List.of("identified", "pseudonymized", "aggregated", "anonymized"), "`identifiability.*`"),
            new QueryField("age", QueryField.Type.INTEGER, true, "age of the data subject in years (under 18 implies child subjects)",
                    "unknown", List.of(), "child subjects"),
            new QueryField("legalProcess", QueryField.Type.BOOLEAN, true, "a subpoena, court order or lawful request is present",
                    "unknown", List.of(), "`trigger.required_by_law`"),
            new QueryField("doNotTrack", QueryField.Type.BOOLEAN, true, "the browser sends Do Not Track", "false", List.of(),
                    "`choice.opt_out.browser_device.do_not_track`"));
    /** The top-level JSON names of a decision request, asked on every request: computed once. */
    private static final List<String> REQUEST_NAMES = Stream.concat(Stream.concat(Stream.of(POLICY.name()), QUESTION.stream().map(QueryField::name)),
            Stream.of("context", "explain")).toList();

    private QueryFields() {
    }

    private static QueryField text(String name, String meaning, String defaultValue) {
        return new QueryField(name, QueryField.Type.TEXT, false, meaning, defaultValue, List.of(), "");
    }

    public static List<String> requestNames() {
        return REQUEST_NAMES;
    }

    /** Every field a flat form (query parameters, CLI options) takes: policy, the question, the context. */
    public static List<QueryField> flat() {
        return Stream.concat(Stream.concat(Stream.of(POLICY), QUESTION.stream()), CONTEXT.stream()).toList();
    }

    public static Optional<QueryField> context(String name) {
        return CONTEXT.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** A question from values by field name (as read, already of each field's type); absent names are not given. */
    public static Query query(Map<String, Object> values) {
        Query.Context context = new Query.Context((String) values.get("consent"), (Boolean) values.get("optedOut"),
                (String) values.get("identifiability"), (Integer) values.get("age"), (Boolean) values.get("legalProcess"),
                (Boolean) values.get("doNotTrack"));
        return new Query((String) values.get("policy"), (String) values.get("practice"), (String) values.get("data"),
                (String) values.get("recipient"), (String) values.get("purpose"), (String) values.get("subject"),
                (String) values.get("region"), (String) values.get("destination"), context);
    }

    /** The README's table of request fields. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| field | meaning | default | settles |\n|---|---|---|---|\n");
        for (QueryField f : Stream.concat(Stream.of(POLICY), Stream.concat(QUESTION.stream(), CONTEXT.stream())).toList()) {
            String meaning = f.meaning() + (f.values().isEmpty() ? "" : ": " + f.values().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
                    + (f.type() == QueryField.Type.TEXT ? "" : " (" + f.type().expected() + ")");
            b.append("| `").append(f.path()).append("` | ").append(meaning).append(" | ").append(f.defaultValue()).append(" | ")
                    .append(f.settles()).append(" |\n");
        }
        return b.append("| `explain` | trail: `none`, `summary` (deciding steps), `full` (every step) | `full` |  |\n").toString();
    }
}
