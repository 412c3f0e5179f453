package dev.clausewise.query;

import dev.clausewise.source.Suggestions;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a question's words against the vocabulary and turns them into canonical keys (semantics step 1). */
public final class QueryNormalizer {
    private final Vocabulary vocabulary;

    public QueryNormalizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Either the normalized query or every field error found. */
    public record Result(NormalizedQuery query, List<QueryError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result normalize(Query q) {
        List<QueryError> errors = new ArrayList<>();
        if (q.practice() == null || q.practice().isBlank()) {
            errors.add(new QueryError("practice", "missing_field", "`practice` is required", "e.g. `share.sell`, `collect`, `right.delete`"));
        }
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        put(values, Dimension.PRACTICE, q.practice(), errors);
        put(values, Dimension.DATA, q.data() == null ? "user" : q.data(), errors);
        put(values, Dimension.RECIPIENT, q.recipient(), errors);
        put(values, Dimension.PURPOSE, q.purpose(), errors);
        put(values, Dimension.SUBJECT, q.subject(), errors);
        put(values, Dimension.REGION, q.region() == null ? "ANY" : q.region(), errors);
        put(values, Dimension.DESTINATION, q.destination(), errors);
        Settings settings = settings(q.context() == null ? Query.Context.NONE : q.context(), errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        return new Result(new NormalizedQuery(q.policy(), values, ageSubjects(settings.age()), settings, vocabulary.regions(),
                vocabulary.tree(Dimension.PRACTICE)), errors);
    }

    private void put(Map<Dimension, String> values, Dimension d, String written, List<QueryError> errors) {
        if (written == null || written.isBlank()) {
            return;
        }
        if (d.isRegional()) {
            Optional<String> code = vocabulary.regions().normalize(written);
            if (code.isPresent()) {
                values.put(d, code.get());
            } else {
                errors.add(new QueryError(d.key(), d.unknownCode(), "unknown region `" + written + "`", vocabulary.hint(d, written)));
            }
            return;
        }
        KeyTree tree = vocabulary.tree(d);
        Optional<List<String>> keys = tree.resolve(written);
        if (keys.isEmpty()) {
            errors.add(new QueryError(d.key(), d.unknownCode(), "unknown " + d.key() + " `" + written + "`", vocabulary.hint(d, written)));
        } else if (keys.get().size() > 1) {
            errors.add(new QueryError(d.key(), "ambiguous_alias", "`" + written + "` stands for several keys: " + String.join(", ", keys.get()),
                    "ask about one of them"));
        } else {
            values.put(d, keys.get().get(0));
        }
    }

    private static Settings settings(Query.Context c, List<QueryError> errors) {
        Consent consent = Consent.UNKNOWN;
        if (c.consent() != null) {
            try {
                consent = Consent.valueOf(c.consent().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new QueryError("context.consent", "invalid_value", "consent `" + c.consent() + "` is not granted, denied or unknown",
                        Suggestions.didYouMean(c.consent().toLowerCase(Locale.ROOT), List.of("granted", "denied", "unknown"))));
            }
        }
        Identifiability identifiability = Identifiability.IDENTIFIED;
        if (c.identifiability() != null) {
            try {
                identifiability = Identifiability.valueOf(c.identifiability().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new QueryError("context.identifiability", "invalid_value", "identifiability `" + c.identifiability() + "` is not known",
                        Optional.ofNullable(Suggestions.didYouMean(c.identifiability().toLowerCase(Locale.ROOT), List.of("identified", "pseudonymized", "aggregated", "anonymized")))
                                .orElse("one of identified, pseudonymized, aggregated, anonymized")));
            }
        }
        if (c.age() != null && (c.age() < 0 || c.age() > 150)) {
            errors.add(new QueryError("context.age", "invalid_value", "age " + c.age() + " is out of range", "an age in years, 0 to 150"));
        }
        return new Settings(consent, c.optedOut(), identifiability, c.age(), c.legalProcess(), Boolean.TRUE.equals(c.doNotTrack()));
    }

    /** The child subjects an age implies: 12 → child, child.under_16, child.under_13. */
    static Set<String> ageSubjects(Integer age) {
        Set<String> out = new LinkedHashSet<>();
        if (age == null || age >= 18) {
            return out;
        }
        out.add("child");
        if (age < 16) {
            out.add("child.under_16");
        }
        if (age < 13) {
            out.add("child.under_13");
        }
        return out;
    }
}
