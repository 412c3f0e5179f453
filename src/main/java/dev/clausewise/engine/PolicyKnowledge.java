package dev.clausewise.engine;

import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.policy.Policy;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * One policy version built into a KieBase (its statement rules plus the engine rules), with a pool of
 * sessions; built once, then evaluated many times from any thread.
 */
public final class PolicyKnowledge {
    private static final int POOL_SIZE = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    private final InternalKnowledgeBase kieBase;
    private final KieSessionsPool pool;

    private PolicyKnowledge(InternalKnowledgeBase kieBase) {
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(POOL_SIZE);
    }

    /** Builds the KieBase; build errors come back as diagnostics at the statement that produced the rule. */
    public static Optional<PolicyKnowledge> build(CompiledDrl drl, Policy policy, Diagnostics diagnostics) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String file : EngineRules.FILES) {
            builder.add(ResourceFactory.newByteArrayResource(EngineRules.read(file).getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file), ResourceType.DRL);
        }
        builder.add(ResourceFactory.newByteArrayResource(drl.text().getBytes(StandardCharsets.UTF_8))
                .setSourcePath(drl.resourceName()), ResourceType.DRL);
        if (builder.hasErrors()) {
            for (KnowledgeBuilderResult r : builder.getErrors()) {
                int line = r.getLines().length > 0 ? r.getLines()[0] : 0;
                String path = r.getResource() == null ? "" : r.getResource().getSourcePath();
                SourceLocation at = drl.resourceName().equals(path)
                        ? ruleAt(drl, policy, line) : new SourceLocation(path, line, 0);
                diagnostics.error("drl_build", at, r.getMessage().lines().findFirst().orElse("rule build failed"),
                        "the generated rule is in `compile --emit-drl " + policy.id() + "` near line " + line);
            }
            return Optional.empty();
        }
        InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
        kb.addPackages(builder.getKnowledgePackages());
        return Optional.of(new PolicyKnowledge(kb));
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

    public EngineResult evaluate(NormalizedQuery query) {
        KieSession session = pool.newKieSession();
        try {
            Firings firings = new Firings();
            session.setGlobal("firings", firings);
            session.insert(query);
            session.fireAllRules();
            Facts f = new Facts();
            for (Object o : session.getObjects()) {
                f.add(o);
            }
            if (f.decided.size() != 1) {
                throw new IllegalStateException("engine rules decided " + f.decided.size() + " times for " + query);
            }
            return new EngineResult(query, f.candidates, f.overridden, f.conditions, f.standings, f.conflicts,
                    f.decided.get(0), firings.events());
        } finally {
            session.dispose();
        }
    }

    /** The session's facts sorted by kind in one pass over working memory. */
    private static final class Facts {
        final List<Candidate> candidates = new ArrayList<>();
        final List<Overridden> overridden = new ArrayList<>();
        final List<ConditionState> conditions = new ArrayList<>();
        final List<Standing> standings = new ArrayList<>();
        final List<Conflict> conflicts = new ArrayList<>();
        final List<Decided> decided = new ArrayList<>(1);

        void add(Object o) {
            if (o instanceof Candidate c) {
                candidates.add(c);
            } else if (o instanceof Overridden v) {
                overridden.add(v);
            } else if (o instanceof ConditionState c) {
                conditions.add(c);
            } else if (o instanceof Standing s) {
                standings.add(s);
            } else if (o instanceof Conflict c) {
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
