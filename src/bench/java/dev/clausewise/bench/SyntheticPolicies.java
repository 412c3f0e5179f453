package dev.clausewise.bench;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes valid policy folders for the scale benchmark: copies of the bundled policies under new ids
 * ({@link #copies}), or random policies (policy.yaml plus a source.txt holding every quote verbatim) over the whole
 * vocabulary ({@link #write}): 50 to 200 statements each, allows and denies, conditions, regions, destinations,
 * retention and explicit overrides (always of an earlier statement, so they never form a cycle).
 */
public final class SyntheticPolicies {
    private static final String[] REGIONS = {"EU", "EEA", "EUROPE", "US", "US-CA", "GB", "CH", "FR", "DE", "JP", "BR", "CA"};
    private static final String[] DESTINATIONS = {"US", "IN", "SG", "ANY"};

    private final Vocabulary vocabulary;
    private final List<String> practices;
    private final List<String> data;
    private final List<String> recipients;
    private final List<String> purposes;
    private final List<String> subjects;
    private final List<String> conditions;
    private final List<String> retentions;

    public SyntheticPolicies(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.practices = keys(Dimension.PRACTICE);
        this.data = keys(Dimension.DATA);
        this.recipients = keys(Dimension.RECIPIENT);
        this.purposes = keys(Dimension.PURPOSE);
        this.subjects = keys(Dimension.SUBJECT);
        this.conditions = keys(Dimension.CONDITION);
        this.retentions = keys(Dimension.RETENTION);
    }

    private List<String> keys(Dimension d) {
        return vocabulary.tree(d).words().stream().sorted().toList();
    }

    /**
     * Writes {@code count} policies named synth-00001 ... under {@code root}, with the vocabulary beside them,
     * and returns their ids. Policy i is the same for a given seed whatever the count.
     */
    public static List<String> write(Path root, Path vocabularyFile, int count, long seed) throws IOException {
        Files.createDirectories(root);
        Files.copy(vocabularyFile, root.resolve(PolicyCatalog.VOCABULARY_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Vocabulary v = PolicyCatalog.builder(root, new dev.clausewise.source.Diagnostics()).orElseThrow().vocabulary();
        SyntheticPolicies g = new SyntheticPolicies(v);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("synth-%05d", i);
            Path dir = root.resolve(id);
            Files.createDirectories(dir);
            String[] files = g.policy(id, new Random(seed * 1_000_003L + i));
            Files.writeString(dir.resolve(PolicyBuilder.POLICY_FILE), files[0], StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(PolicyBuilder.SOURCE_FILE), files[1], StandardCharsets.UTF_8);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Writes {@code count} copies of the bundled policies under {@code root}, round robin, each under a new id
     * ({@code mixpanel-0002}, ...): the same statements, quotes and source text, so every copy builds as its
     * original does, and a rule cache entry and a memo of its own. Returns their ids.
     */
    public static List<String> copies(Path root, Path bundled, List<String> bundledIds, int count) throws IOException {
        Files.createDirectories(root);
        Files.copy(bundled.resolve(PolicyCatalog.VOCABULARY_FILE), root.resolve(PolicyCatalog.VOCABULARY_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String original = bundledIds.get((i - 1) % bundledIds.size());
            String id = String.format("%s-%04d", original, i);
            Path from = bundled.resolve(original);
            Path dir = root.resolve(id);
            Files.createDirectories(dir);
            String yaml = Files.readString(from.resolve(PolicyBuilder.POLICY_FILE), StandardCharsets.UTF_8);
            String renamed = yaml.replaceFirst("(?m)^policy: " + java.util.regex.Pattern.quote(original) + "\\s*$", "policy: " + id);
            if (renamed.equals(yaml)) {
                throw new IllegalStateException(from + ": no `policy: " + original + "` line to rename");
            }
            Files.writeString(dir.resolve(PolicyBuilder.POLICY_FILE), renamed, StandardCharsets.UTF_8);
            Files.copy(from.resolve(PolicyBuilder.SOURCE_FILE), dir.resolve(PolicyBuilder.SOURCE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ids.add(id);
        }
        return ids;
    }

    /** policy.yaml and source.txt of one policy. */
    String[] policy(String id, Random random) {
        int statements = 50 + random.nextInt(151);
        StringBuilder yaml = new StringBuilder();
        StringBuilder source = new StringBuilder("Synthetic privacy policy " + id + "\n\n");
        yaml.append("policy: ").append(id).append('\n')
                .append("title: Synthetic policy ").append(id).append('\n')
                .append("source:\n  document: ").append(id).append(".txt\n  effective: \"2026-01-01\"\n")
                .append("statements:\n");
        for (int n = 1; n <= statements; n++) {
            String sid = String.format("s%03d", n);
            String practice = one(practices, random);
            boolean deny = random.nextInt(100) < 15;
            String section = "SECTION " + (1 + (n - 1) / 10);
            String quote = "Clause " + n + " of " + id + ": we " + (deny ? "never " : "may ") + practice.replace('.', ' ') + " personal data.";
            if ((n - 1) % 10 == 0) {
                source.append('\n').append(section).append('\n');
            }
            source.append(quote).append('\n');
            yaml.append("  - id: ").append(sid).append('\n')
                    .append("    practice: ").append(practice).append('\n');
            list(yaml, "data", data, random, 60, 3);
            list(yaml, "recipient", recipients, random, 40, 2);
            list(yaml, "purpose", purposes, random, 40, 3);
            list(yaml, "subject", subjects, random, 15, 1);
            if (random.nextInt(100) < 30) {
                yaml.append("    regions: [").append(String.join(", ", distinct(REGIONS, random, 1 + random.nextInt(2)))).append("]\n");
            }
            if (practice.startsWith("transfer") && random.nextInt(100) < 50) {
                yaml.append("    destinations: [").append(String.join(", ", distinct(DESTINATIONS, random, 1))).append("]\n");
            }
            yaml.append("    effect: ").append(deny ? "deny" : "allow").append('\n');
            if (!deny && random.nextInt(100) < 40) {
                yaml.append("    conditions: [").append(String.join(", ", distinct(conditions.toArray(String[]::new), random, 1 + random.nextInt(2)))).append("]\n");
            }
            if (practice.equals("retain")) {
                yaml.append("    retention: {key: ").append(one(retentions, random)).append("}\n");
            }
            if (n > 1 && random.nextInt(100) < 5) {
                yaml.append("    overrides: [").append(String.format("s%03d", 1 + random.nextInt(n - 1))).append("]\n");
            }
            yaml.append("    cite:\n      section: \"").append(section).append("\"\n      quote: \"").append(quote).append("\"\n");
        }
        return new String[] {yaml.toString(), source.toString()};
    }

    private static void list(StringBuilder yaml, String field, List<String> keys, Random random, int percent, int max) {
        if (random.nextInt(100) < percent) {
            yaml.append("    ").append(field).append(": [")
                    .append(String.join(", ", distinct(keys.toArray(String[]::new), random, 1 + random.nextInt(max)))).append("]\n");
        }
    }

    private static String one(List<String> keys, Random random) {
        return keys.get(random.nextInt(keys.size()));
    }

    private static List<String> distinct(String[] from, Random random, int count) {
        List<String> out = new ArrayList<>();
        while (out.size() < Math.min(count, from.length)) {
            String k = from[random.nextInt(from.length)];
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }
}
