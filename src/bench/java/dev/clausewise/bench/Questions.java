package dev.clausewise.bench;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.Query;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark questions: distinct, seeded, drawn from the vocabulary and from the statements of the loaded
 * policies so that most questions meet a statement (often more than one, so overrides and conditions are
 * exercised) and some ask about keys no statement names.
 */
public final class Questions {
    public static final long SEED = 20260601L;
    private static final String[] REGIONS = {"FR", "DE", "IE", "NO", "GB", "CH", "US", "US-CA", "US-NY", "JP", "BR", "IN", "EU", "EEA", "EUROPE"};
    private static final String[] DESTINATIONS = {"US", "IN", "DE", "SG"};
    private static final String[] CONSENT = {"granted", "denied", "unknown"};
    private static final String[] IDENTIFIABILITY = {"identified", "pseudonymized", "aggregated", "anonymized"};
    private static final Integer[] AGES = {8, 12, 15, 17, 35};

    private final Vocabulary vocabulary;
    private final Random random;
    private final boolean withAge;

    private Questions(Vocabulary vocabulary, long seed, boolean withAge) {
        this.vocabulary = vocabulary;
        this.random = new Random(seed);
        this.withAge = withAge;
    }

    /**
     * {@code count} distinct questions spread evenly over {@code policies}. {@code withAge} false leaves out
     * the context's age and Do Not Track, which the peers' encodings do not model.
     */
    public static List<Query> generate(PolicyCatalog catalog, List<String> policies, int count, long seed, boolean withAge) {
        Questions g = new Questions(catalog.vocabulary(), seed, withAge);
        Set<Query> out = new LinkedHashSet<>();
        int attempts = 0;
        while (out.size() < count) {
            if (++attempts > count * 50) {
                throw new IllegalStateException("only " + out.size() + " distinct questions after " + attempts + " attempts");
            }
            String id = policies.get(out.size() % policies.size());
            LoadedPolicy p = catalog.policy(id).orElseThrow(() -> new IllegalArgumentException("policy " + id + " is not loaded"));
            out.add(g.question(p));
        }
        return List.copyOf(out);
    }

    private Query question(LoadedPolicy p) {
        List<Statement> statements = p.policy().statements();
        // Mostly about what some statement says, sometimes about anything the vocabulary can name.
        Statement s = random.nextInt(10) < 8 ? statements.get(random.nextInt(statements.size())) : null;
        String practice = s == null ? any(Dimension.PRACTICE) : near(Dimension.PRACTICE, s);
        String data = pick(Dimension.DATA, s, 0.3);
        String recipient = pick(Dimension.RECIPIENT, s, 0.6);
        String purpose = pick(Dimension.PURPOSE, s, 0.6);
        String subject = pick(Dimension.SUBJECT, s, 0.8);
        String region = regionOf(s, Dimension.REGION);
        String destination = practice.startsWith("transfer") ? regionOf(s, Dimension.DESTINATION) : null;
        Query.Context context = new Query.Context(
                maybe(CONSENT), random.nextBoolean() ? null : random.nextBoolean(), maybe(IDENTIFIABILITY),
                withAge && random.nextInt(5) == 0 ? AGES[random.nextInt(AGES.length)] : null,
                random.nextBoolean() ? null : random.nextBoolean(),
                withAge && random.nextInt(8) == 0 ? Boolean.TRUE : null);
        return new Query(p.policy().id(), practice, data, recipient, purpose, subject, region, destination, context);
    }

    /** A key of the statement on that dimension (or a descendant), else often none, sometimes any key. */
    private String pick(Dimension d, Statement s, double noneWhenOmitted) {
        if (s != null && !s.keys(d).isEmpty()) {
            return near(d, s);
        }
        return random.nextDouble() < noneWhenOmitted ? null : any(d);
    }

    private String near(Dimension d, Statement s) {
        List<String> keys = s.keys(d);
        if (keys.isEmpty()) {
            return any(d);
        }
        String key = keys.get(random.nextInt(keys.size()));
        if (random.nextBoolean()) {
            return key;
        }
        List<String> below = vocabulary.tree(d).words().stream().filter(k -> KeyTree.isAncestorOrSelf(key, k)).sorted().toList();
        return below.get(random.nextInt(below.size()));
    }

    private String any(Dimension d) {
        List<String> words = new ArrayList<>(vocabulary.tree(d).words());
        words.sort(null);
        return words.get(random.nextInt(words.size()));
    }

    private String regionOf(Statement s, Dimension d) {
        if (s != null && !s.keys(d).isEmpty() && random.nextBoolean()) {
            List<String> keys = s.keys(d);
            return keys.get(random.nextInt(keys.size()));
        }
        String[] choices = d == Dimension.REGION ? REGIONS : DESTINATIONS;
        return random.nextInt(4) == 0 ? null : choices[random.nextInt(choices.length)];
    }

    private String maybe(String[] values) {
        return random.nextInt(3) == 0 ? null : values[random.nextInt(values.length)];
    }
}
