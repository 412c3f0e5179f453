package dev.clausewise.bench;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.policy.ScopeQualifier;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.scenario.Scenario;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.ScenarioLoader;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The peers' questions and the check that they answer them as Clausewise does, before anything is timed.
 *
 * <p>Questions: the Mixpanel questions of the engine benchmark's mix (EngineBench, seed {@link Questions#SEED}),
 * {@link #MIXED} more Mixpanel questions drawn the same way (age and Do Not Track included), and the question of
 * every scenario under policies-yaml/mixpanel/scenarios.
 *
 * <p>Mapping: a peer answers allow or deny. Clausewise's ALLOW and ALLOW_WITH_CONDITIONS are allow (the peers are
 * told that a condition the context leaves open holds: the permission read as "allowed when its conditions are
 * met"); DENY, DEPENDS and NOT_ADDRESSED are deny (nothing allows the question as asked; the peers deny by default).
 */
final class PeerAgreement {
    static final String POLICY = "mixpanel";
    static final int MIXED = 6000;
    /** The category neither peer can express (docs/performance.md "Peers"): answers made of narrower statements. */
    static final String RESTRICTIONS = "no statement covers the question; narrower allows answer it with restrictions as conditions";

    /** Each question with its normalized form and Clausewise's answer mapped to allow/deny. */
    record Asked(Query query, NormalizedQuery normalized, Decision decision, boolean allow) {
    }

    /** One peer's answers against Clausewise's: agreement count and disagreements by category. */
    record Result(String peer, int asked, int agreed, Map<String, List<String>> disagreements) {
        double share() {
            return asked == 0 ? 0 : (double) agreed / asked;
        }

        /** The agreement on the questions outside {@link #RESTRICTIONS}, the ones the encodings set out to answer. */
        double shareExpressible() {
            int outside = asked - disagreements.getOrDefault(RESTRICTIONS, List.of()).size();
            return outside == 0 ? 0 : (double) agreed / outside;
        }

        String report() {
            StringBuilder out = new StringBuilder(String.format("%s agrees on %d of %d questions (%.2f %%; %.3f %% outside the restrictions)%n",
                    peer, agreed, asked, 100 * share(), 100 * shareExpressible()));
            disagreements.forEach((category, examples) -> {
                out.append(String.format("  %5d  %s%n", examples.size(), category));
                examples.stream().limit(3).forEach(e -> out.append("           e.g. ").append(e).append('\n'));
            });
            return out.toString();
        }
    }

    private PeerAgreement() {
    }

    static List<Asked> questions(PolicyCatalog catalog) {
        Set<Query> qs = new LinkedHashSet<>();
        Questions.generate(catalog, Bundled.IDS, EngineBench.QUESTIONS, Questions.SEED, true).stream()
                .filter(q -> q.policy().equals(POLICY)).forEach(qs::add);
        qs.addAll(Questions.generate(catalog, List.of(POLICY), MIXED, Questions.SEED + 1, true));
        qs.addAll(scenarioQuestions());
        QueryNormalizer normalizer = new QueryNormalizer(catalog.vocabulary());
        List<Asked> out = new ArrayList<>();
        for (Query q : qs) {
            Answer a = catalog.decide(q, Explain.NONE);
            if (!(a instanceof Answer.Answered answered)) {
                throw new IllegalStateException("question rejected: " + q + ": " + a);
            }
            Decision d = answered.decision();
            out.add(new Asked(q, normalizer.normalize(q).query(), d, allows(d.outcome())));
        }
        return out;
    }

    static boolean allows(String outcome) {
        return outcome.equals("ALLOW") || outcome.equals("ALLOW_WITH_CONDITIONS");
    }

    private static List<Query> scenarioQuestions() {
        Path dir = Bundled.POLICIES.resolve(POLICY).resolve("scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            List<Query> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Diagnostics d = new Diagnostics();
                ScenarioFile file = ScenarioLoader.load(f.toString(), Files.readString(f, StandardCharsets.UTF_8), d)
                        .orElseThrow(() -> new IllegalStateException(f + " does not load: " + d.sorted()));
                for (Scenario s : file.scenarios()) {
                    Query q = s.query().policy() == null ? s.query().withPolicy(file.policy()) : s.query();
                    if (POLICY.equals(q.policy())) {
                        out.add(q);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the peer every question and sorts each disagreement into the first category it belongs to. */
    static Result check(String peer, PolicyCatalog catalog, List<Asked> questions, Predicate<Asked> peerAllows) {
        Map<String, Statement> statements = new LinkedHashMap<>();
        catalog.policy(POLICY).orElseThrow().policy().statements().forEach(s -> statements.put(s.id(), s));
        KeyTree practices = catalog.vocabulary().tree(Dimension.PRACTICE);
        Map<String, List<String>> by = new TreeMap<>();
        int agreed = 0;
        for (Asked a : questions) {
            boolean p = peerAllows.test(a);
            if (p == a.allow()) {
                agreed++;
            } else {
                by.computeIfAbsent(category(a, statements, practices), k -> new ArrayList<>())
                        .add(a.decision().outcome() + " " + a.decision().reason() + " vs " + peer + " " + (p ? "allow" : "deny") + ": " + a.query());
            }
        }
        return new Result(peer, questions.size(), agreed, by);
    }

    /**
     * Refuses to go on (the benchmark reports nothing) when a peer agrees on a smaller share of all the questions,
     * or of the questions outside {@link #RESTRICTIONS}, than documented.
     */
    static void require(Result r, double minimum, double minimumExpressible) {
        if (r.share() < minimum || r.shareExpressible() < minimumExpressible) {
            throw new IllegalStateException(String.format("%s agrees on %.2f %% of all questions and %.2f %% of those outside \"%s\", "
                            + "below the documented %.2f %% and %.2f %%: not timing it", r.peer(), 100 * r.share(), 100 * r.shareExpressible(),
                    RESTRICTIONS, 100 * minimum, 100 * minimumExpressible));
        }
    }

    private static String category(Asked a, Map<String, Statement> statements, KeyTree practices) {
        Decision d = a.decision();
        List<Statement> deciding = Stream.concat(d.reason().stream(), d.refinements().stream().map(r -> r.statement()))
                .map(statements::get).filter(java.util.Objects::nonNull).toList();
        if (d.conditions().stream().anyMatch(c -> c.dimension() != null)) {
            return RESTRICTIONS;
        }
        if (d.outcome().equals("DEPENDS")) {
            return "DEPENDS: narrower allows and denies";
        }
        if (a.normalized().settings().age() != null) {
            return "a known age settles child subjects";
        }
        if (a.normalized().settings().doNotTrack()) {
            return "Do Not Track";
        }
        if (deciding.stream().anyMatch(s -> s.conditions().stream().anyMatch(c -> ScopeQualifier.of(c).isPresent()))) {
            return "identifiability: scope qualifiers";
        }
        if (deciding.stream().anyMatch(s -> !s.anyOf().isEmpty())) {
            return "any_of alternatives";
        }
        String practice = a.normalized().value(Dimension.PRACTICE);
        if (practices.distinct().stream().anyMatch(act -> KeyTree.isAncestorOrSelf(act, practice))) {
            return "distinct practices (an allow stops short of them)";
        }
        return "other (overrides and conditions)";
    }
}
