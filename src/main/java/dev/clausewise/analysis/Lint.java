package dev.clausewise.analysis;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.check.PolicyChecker;
import dev.clausewise.check.SourceText;
import dev.clausewise.engine.EngineResult;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.policy.Acknowledgement;
import dev.clausewise.policy.Effect;
import dev.clausewise.policy.LintCode;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.PolicyLoader;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lint: findings about a policy that are not errors of the YAML but of what it decides, each with a witness
 * question answered by the engine. Conflicts and shadowed statements are found by answering every question
 * class of the policy's space; a policy that does not build gets its build errors, with the question an override
 * cycle or an uncited statement would decide.
 */
public final class Lint {
    public static final String UNUSED_ACKNOWLEDGEMENT = "lint_unused_acknowledgement";
    private static final Set<String> WITH_WITNESS = Set.of("override_cycle", "missing_cite", "missing_section");

    private final Vocabulary vocabulary;
    private final QueryNormalizer normalizer;
    private final DecisionExplainer explainer;

    public Lint(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.normalizer = new QueryNormalizer(vocabulary);
        this.explainer = new DecisionExplainer(vocabulary);
    }

    /** Lints policy YAML as the catalog would serve it under {@code id}: quotes proven against that id's document. */
    public LintReport lint(PolicyCatalog catalog, String id, String yaml) throws IOException {
        return lint(catalog, id, yaml, Progress.NONE);
    }

    /** As {@link #lint(PolicyCatalog, String, String)}, telling {@code progress} (which may stop the lint by throwing). */
    public LintReport lint(PolicyCatalog catalog, String id, String yaml, Progress progress) throws IOException {
        Path dir = catalog.root().resolve(id);
        Path source = dir.resolve(PolicyBuilder.SOURCE_FILE);
        String document = Files.exists(source) ? Files.readString(source) : null;
        return lint(catalog.builder(), id, dir.resolve(PolicyBuilder.POLICY_FILE).toString(), yaml, document, progress);
    }

    /** Builds the policy and lints it; {@code expectedId} as for {@link PolicyBuilder#build(String, String, String, String)}. */
    public LintReport lint(PolicyBuilder builder, String expectedId, String fileName, String yaml, String document, Progress progress) {
        PolicyBuild b = builder.build(expectedId, fileName, yaml, document);
        if (b.ok()) {
            return lint(b.policy().get(), b.diagnostics(), progress);
        }
        // Loaded again only to find the statements the build's errors point at; those errors are reported already.
        Optional<Policy> policy = PolicyLoader.load(fileName, yaml, new Diagnostics())
                .map(p -> new PolicyChecker(vocabulary).check(p, expectedId, document == null ? null : new SourceText(document)).policy());
        List<Finding> findings = new ArrayList<>();
        for (Diagnostic d : b.diagnostics()) {
            Optional<Statement> s = policy.flatMap(p -> at(p, d.location()));
            Witness witness = s.filter(x -> WITH_WITNESS.contains(d.code()))
                    .map(x -> new Witness(question(x, cyclePartner(x, policy.get()).orElse(x)).orElse(own(x)), null, List.of(), null))
                    .orElse(null);
            findings.add(new Finding(d, s.map(Statement::id).orElse(null), null, witness, null));
        }
        return new LintReport(b.id(), 0, findings);
    }

    /**
     * Lints a built policy: answers every question class of its space, then reports conflicts, shadowed
     * statements, quotes cited with opposite effects and the build's warnings, matched against the YAML's
     * acknowledgements.
     */
    public LintReport lint(LoadedPolicy p, List<Diagnostic> buildWarnings, Progress progress) {
        Policy policy = p.policy();
        QuestionSpace space = new QuestionSpace(vocabulary, List.of(policy.statements()));
        List<Cell> cells = space.cells(progress);
        Explorer explorer = new Explorer(space, List.of(new Answers(p, 0, space)));
        AtomicLong done = new AtomicLong();
        List<Explorer.Answered> answered = cells.parallelStream().flatMap(c -> {
            List<Explorer.Answered> out = explorer.explore(c, progress);
            progress.update(done.incrementAndGet(), cells.size());
            return out.stream();
        }).toList();

        Set<String> decisive = new HashSet<>();
        Map<List<String>, Explorer.Answered> conflicts = new LinkedHashMap<>();
        for (Explorer.Answered a : answered) {
            Answers.Entry e = a.entries().get(0);
            decisive.addAll(e.decisive());
            e.conflicts().forEach(c -> conflicts.putIfAbsent(List.of(c.deny(), c.allow()), a));
        }
        List<Finding> findings = new ArrayList<>();
        conflicts.forEach((pair, a) -> findings.add(conflict(p, policy.statement(pair.get(0)).orElseThrow(),
                policy.statement(pair.get(1)).orElseThrow(), a.cell().query(policy.id()))));
        for (Statement s : policy.statements()) {
            if (!decisive.contains(s.id())) {
                Witness w = evaluate(p, own(s));
                findings.add(new Finding(Diagnostic.warning(LintCode.SHADOWED.code(), s.locationOf("id"),
                        "statement `" + s.id() + "` decides no question: wherever it matches, other statements decide",
                        "remove it, or narrow what overrides it; if the document states it all the same, acknowledge it: "
                                + "`acknowledged: [{code: lint_shadowed, why: \"...\"}]`"), s.id(), null, w, null));
            }
        }
        findings.addAll(oppositeEffects(p));
        for (Diagnostic d : buildWarnings) {
            Optional<Statement> s = at(policy, d.location());
            findings.add(new Finding(d, s.map(Statement::id).orElse(null), null,
                    s.filter(x -> WITH_WITNESS.contains(d.code())).map(x -> evaluate(p, own(x))).orElse(null), null));
        }
        return new LintReport(policy.id(), answered.size(), sorted(acknowledge(policy, findings)));
    }

    /**
     * A conflict, shown at the most general question both statements apply to when the engine reports the
     * conflict there too, else at the question class lint found it in.
     */
    private Finding conflict(LoadedPolicy p, Statement deny, Statement allow, Query foundAt) {
        Witness found = null;
        Optional<Query> meet = question(deny, allow).map(q -> withContext(q, foundAt.context()));
        if (meet.isPresent()) {
            NormalizedWitness n = evaluateFull(p, meet.get());
            if (n.result().conflicts().stream().anyMatch(c -> c.between(deny.id(), allow.id()))) {
                found = n.witness();
            }
        }
        if (found == null) {
            found = evaluate(p, foundAt);
        }
        return new Finding(Diagnostic.warning(LintCode.CONFLICT.code(), deny.locationOf("id"),
                "deny `" + deny.id() + "` and allow `" + allow.id() + "` both decide some questions and neither is more specific "
                        + "or overrides the other: the deny wins by conflict",
                "if the policy text says which wins, add `overrides: [" + allow.id() + "]` to `" + deny.id() + "` (or the reverse); "
                        + "if the document itself is in tension, acknowledge it: `acknowledged: [{code: lint_conflict, with: "
                        + allow.id() + ", why: \"...\"}]`"), deny.id(), allow.id(), found, null);
    }

    /**
     * Statements citing one quote with opposite effects; a pair where one overrides the other is the documented
     * encoding of an exception ("limited to X": a deny plus the allow for X that overrides it) and is not reported.
     */
    private List<Finding> oppositeEffects(LoadedPolicy p) {
        Map<String, List<Statement>> byQuote = new LinkedHashMap<>();
        for (Statement s : p.policy().statements()) {
            if (s.cite() != null && s.cite().quote() != null) {
                byQuote.computeIfAbsent(SourceText.normalize(s.cite().quote()), k -> new ArrayList<>()).add(s);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (List<Statement> same : byQuote.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    Statement a = same.get(i);
                    Statement b = same.get(j);
                    if (a.effect() != b.effect() && !a.overrides().contains(b.id()) && !b.overrides().contains(a.id())) {
                        Statement deny = a.effect() == Effect.DENY ? a : b;
                        out.add(new Finding(Diagnostic.warning(LintCode.OPPOSITE_EFFECTS.code(), b.locationOf("cite.quote"),
                                "`" + a.id() + "` (" + a.effect().name().toLowerCase() + ") and `" + b.id() + "` ("
                                        + b.effect().name().toLowerCase() + ") cite the same quote with opposite effects",
                                "one clause rarely both allows and denies: check the encoding, or acknowledge it: "
                                        + "`acknowledged: [{code: lint_opposite_effects, with: " + a.id() + ", why: \"...\"}]`"),
                                b.id(), a.id(), evaluate(p, question(a, b).orElse(own(deny))), null));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Marks the findings the YAML acknowledges; an acknowledgement (or one of its `with` ids) that matches no
     * finding is a finding itself, so that acknowledgements cannot outlive what they answer.
     */
    private static List<Finding> acknowledge(Policy policy, List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        Set<List<Object>> used = new HashSet<>();
        for (Finding f : findings) {
            Optional<String> why = LintCode.of(f.diagnostic().code()).flatMap(code -> {
                for (Statement s : policy.statements()) {
                    for (int i = 0; i < s.acknowledged().size(); i++) {
                        Acknowledgement a = s.acknowledged().get(i);
                        Optional<String> other = answered(a, s.id(), f, code);
                        if (a.code().equals(code.code()) && other.isPresent()) {
                            used.add(List.of(s.id(), i, other.get()));
                            return Optional.of(a.why());
                        }
                    }
                }
                return Optional.empty();
            });
            out.add(why.map(f::acknowledge).orElse(f));
        }
        for (Statement s : policy.statements()) {
            for (int i = 0; i < s.acknowledged().size(); i++) {
                Acknowledgement a = s.acknowledged().get(i);
                boolean pairwise = LintCode.of(a.code()).map(LintCode::pairwise).orElse(false);
                List<String> others = pairwise ? a.with() : List.of("");
                for (int j = 0; j < others.size(); j++) {
                    if (!used.contains(List.of(s.id(), i, others.get(j)))) {
                        String with = others.get(j).isEmpty() ? null : others.get(j);
                        out.add(new Finding(Diagnostic.warning(UNUSED_ACKNOWLEDGEMENT,
                                with == null ? a.location() : s.locationOf("acknowledged[" + i + "].with[" + j + "]"),
                                "statement `" + s.id() + "` acknowledges " + a.code() + (with == null ? "" : " with `" + with + "`")
                                        + ", but lint finds no such finding", "remove it from the acknowledgement"), s.id(), with, null, null));
                    }
                }
            }
        }
        return out;
    }

    /** The statement of the acknowledgement that answers the finding ("" when it names none), if it does. */
    private static Optional<String> answered(Acknowledgement a, String on, Finding f, LintCode code) {
        if (!code.pairwise()) {
            return on.equals(f.statement()) ? Optional.of("") : Optional.empty();
        }
        if (on.equals(f.statement()) && a.with().contains(f.with())) {
            return Optional.of(f.with());
        }
        return on.equals(f.with()) && a.with().contains(f.statement()) ? Optional.of(f.statement()) : Optional.empty();
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing((Finding f) -> f.diagnostic().location().file())
                .thenComparingInt(f -> f.diagnostic().location().line())
                .thenComparingInt(f -> f.diagnostic().location().column())
                .thenComparing(f -> f.diagnostic().code())).toList();
    }

    private static Optional<Statement> at(Policy policy, SourceLocation location) {
        return policy.statements().stream().filter(s -> s.location().equals(location) || s.at().containsValue(location)).findFirst();
    }

    /** The statement an override cycle through {@code s} comes back from, if any. */
    private static Optional<Statement> cyclePartner(Statement s, Policy policy) {
        return s.overrides().stream().filter(o -> reaches(o, s.id(), policy, new HashSet<>())).findFirst().flatMap(policy::statement);
    }

    private static boolean reaches(String from, String to, Policy policy, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        return seen.add(from) && policy.statement(from).map(s -> s.overrides().stream().anyMatch(o -> reaches(o, to, policy, seen))).orElse(false);
    }

    /** The question a statement is written for: its first key on each dimension it names. */
    private Query own(Statement s) {
        return question(s, s).orElseThrow();
    }

    /**
     * The most general question both statements apply to: on each dimension, the deeper of two keys where one
     * contains the other; empty when they share no question.
     */
    private Optional<Query> question(Statement a, Statement b) {
        Map<Dimension, String> values = new LinkedHashMap<>();
        for (Dimension d : Dimension.MATCHED) {
            List<String> ka = a.keys(d);
            List<String> kb = b.keys(d);
            if (ka.isEmpty() && kb.isEmpty()) {
                continue;
            }
            Optional<String> meet = ka.isEmpty() ? Optional.of(kb.get(0)) : kb.isEmpty() ? Optional.of(ka.get(0))
                    : ka.stream().flatMap(x -> kb.stream().map(y -> contains(d, x, y) ? y : contains(d, y, x) ? x : null))
                    .filter(k -> k != null).findFirst();
            if (meet.isEmpty()) {
                return Optional.empty();
            }
            values.put(d, meet.get());
        }
        return Optional.of(new Query(null, values.get(Dimension.PRACTICE), values.get(Dimension.DATA), values.get(Dimension.RECIPIENT),
                values.get(Dimension.PURPOSE), values.get(Dimension.SUBJECT), values.get(Dimension.REGION),
                values.get(Dimension.DESTINATION), Query.Context.NONE));
    }

    private boolean contains(Dimension d, String ancestor, String key) {
        return d.isRegional() ? vocabulary.regions().isAncestorOrSelf(ancestor, key) : KeyTree.isAncestorOrSelf(ancestor, key);
    }

    private static Query withContext(Query q, Query.Context c) {
        return new Query(q.policy(), q.practice(), q.data(), q.recipient(), q.purpose(), q.subject(), q.region(), q.destination(), c);
    }

    private record NormalizedWitness(Witness witness, EngineResult result) {
    }

    private NormalizedWitness evaluateFull(LoadedPolicy p, Query q) {
        Query asked = q.withPolicy(p.policy().id());
        Verdict.Evaluated e = Verdict.evaluate(p, normalizer.normalize(asked).query(), explainer);
        return new NormalizedWitness(new Witness(asked, e.verdict().outcome(), e.verdict().reasons(), e.result().decided().rule()), e.result());
    }

    private Witness evaluate(LoadedPolicy p, Query q) {
        return evaluateFull(p, q).witness();
    }
}
