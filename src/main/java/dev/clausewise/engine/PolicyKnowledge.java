package dev.clausewise.engine;

import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.policy.Outcome;
import dev.clausewise.policy.Policy;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Relevant;
import dev.clausewise.query.StatementTable;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * One policy version built into a KieBase (its statement rules plus the engine rules), with a pool of
 * sessions; built once, then evaluated many times from any thread.
 */
public final class PolicyKnowledge {
    private static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    private final InternalKnowledgeBase kieBase;
    private final KieSessionsPool pool;
    private final StatementTable statements;

    private PolicyKnowledge(InternalKnowledgeBase kieBase, StatementTable statements) {
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(POOL_SIZE);
        this.statements = statements;
    }

    /** Builds the KieBase without a rule cache. */
    public static Optional<PolicyKnowledge> build(CompiledDrl drl, Policy policy, Diagnostics diagnostics) {
        return build(drl, policy, "", RuleCache.none(), diagnostics);
    }

    /**
     * Builds the KieBase from the engine rules (compiled once per process) and the policy's statement rules, read
     * from {@code cache} when an entry for exactly this DRL, policy digest and environment is there, else compiled
     * and stored. Build errors come back as diagnostics at the statement that produced the rule.
     */
    public static Optional<PolicyKnowledge> build(CompiledDrl drl, Policy policy, String policyDigest, RuleCache cache,
                                                  Diagnostics diagnostics) {
        EnginePackages.Compiled engine = EnginePackages.get(cache);
        if (engine.bytes().isEmpty()) {
            engine.errors().forEach(e -> report(drl, policy, e, diagnostics));
            return Optional.empty();
        }
        InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
        List<KiePackage> packages = new ArrayList<>(read(engine.bytes().get(), kb));
        String entry = "policy-" + policy.id();
        String key = RuleKey.of("policy", policyDigest + " drl " + RuleKey.sha256(drl.text().getBytes(StandardCharsets.UTF_8)), drl.text());
        Optional<List<KiePackage>> cached = cache.load(entry, key).flatMap(bytes -> {
            try {
                return Optional.of(PackageBytes.read(bytes, kb.getRootClassLoader()));
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                cache.refuse(entry, e.toString());
                return Optional.empty();
            }
        });
        if (cached.isPresent()) {
            packages.addAll(cached.get());
        } else {
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
            builder.add(ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(drl.resourceName()), ResourceType.DRL);
            if (builder.hasErrors()) {
                builder.getErrors().forEach(r -> report(drl, policy, EnginePackages.error(r), diagnostics));
                return Optional.empty();
            }
            Collection<KiePackage> built = builder.getKnowledgePackages();
            if (cache.enabled()) {
                cache.store(entry, key, PackageBytes.write(built));
            }
            packages.addAll(built);
        }
        kb.addPackages(packages);
        return Optional.of(new PolicyKnowledge(kb, new StatementTable(policy)));
    }

    private static List<KiePackage> read(byte[] engine, InternalKnowledgeBase kb) {
        try {
            return PackageBytes.read(engine, kb.getRootClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("the engine rules compiled in this process do not read back", e);
        }
    }

    private static void report(CompiledDrl drl, Policy policy, EnginePackages.BuildError e, Diagnostics diagnostics) {
        SourceLocation at = drl.resourceName().equals(e.path()) ? ruleAt(drl, policy, e.line()) : new SourceLocation(e.path(), e.line(), 0);
        diagnostics.error("drl_build", at, e.message(),
                "the generated rule is in `compile --emit-drl " + policy.id() + "` near line " + e.line());
    }

    private static SourceLocation ruleAt(CompiledDrl drl, Policy policy, int line) {
        String[] lines = drl.text().split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            String l = lines[i];
            if (l.startsWith("rule \"")) {
                String rule = l.substring(6, l.length() - 1);
                String id = drl.statementByRule().get(rule);
                Optional<SourceLocation> at = policy.statement(id == null ? "" : id).map(s -> s.location());
                if (at.isPresent()) {
                    return at.get();
                }
            }
        }
        return policy.location();
    }

    /** Evaluates the question alone: its outcome and how it was reached, without asking its refinements. */
    public EngineResult evaluate(NormalizedQuery query) {
        return evaluate(query, false);
    }

    /**
     * Evaluates the question and, in the same session, the narrower question of each of its refinements, whose
     * outcomes come back in {@link EngineResult#refinementOutcomes()}.
     */
    public EngineResult evaluateWithRefinements(NormalizedQuery query) {
        return evaluate(query, true);
    }

    private EngineResult evaluate(NormalizedQuery query, boolean refinements) {
        KieSession session = pool.newKieSession();
        try {
            Firings firings = new Firings(query);
            NarrowerQuestions narrower = new NarrowerQuestions(statements);
            session.setGlobal("firings", firings);
            session.setGlobal("narrower", narrower);
            session.insert(query);
            for (Relevant r : statements.relevant(query)) {
                session.insert(r);
            }
            if (refinements) {
                session.insert(new Asked(query));
            }
            session.fireAllRules();
            Facts f = new Facts(query);
            for (Object o : session.getObjects()) {
                f.add(o);
            }
            if (f.decided.size() != 1) {
                throw new IllegalStateException("engine rules decided " + f.decided.size() + " times for " + query);
            }
            Map<String, Outcome> refined = new HashMap<>();
            narrower.byStatement().forEach((statement, q) -> refined.put(statement, f.outcomes.get(q)));
            return new EngineResult(query, f.candidates, f.overridden, f.conditions, f.standings, f.conflicts,
                    f.decided.get(0), firings.events(), refined);
        } finally {
            session.dispose();
        }
    }

    /** The asked question's facts sorted by kind, and the outcome of each narrower question, in one pass over working memory. */
    private static final class Facts {
        final NormalizedQuery asked;
        final List<Candidate> candidates = new ArrayList<>();
        final List<Overridden> overridden = new ArrayList<>();
        final List<ConditionState> conditions = new ArrayList<>();
        final List<Standing> standings = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        final List<Decided> decided = new ArrayList<>(1);
        final Map<NormalizedQuery, Outcome> outcomes = new IdentityHashMap<>();

        Facts(NormalizedQuery asked) {
            this.asked = asked;
        }

        void add(Object o) {
            if (o instanceof Decided d && d.query() != asked) {
                outcomes.put(d.query(), d.outcome());
            } else if (o instanceof Candidate c && c.getQuery() == asked) {
                candidates.add(c);
            } else if (o instanceof Overridden v && v.query() == asked) {
                overridden.add(v);
            } else if (o instanceof ConditionState c && c.query() == asked) {
                conditions.add(c);
            } else if (o instanceof Standing s && s.getQuery() == asked) {
                standings.add(s);
            } else if (o instanceof Conflict c && c.query() == asked) {
                conflicts.add(c);
            } else if (o instanceof Decided d) {
                decided.add(d);
            }
        }
    }

    public int ruleCount() {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }
}
