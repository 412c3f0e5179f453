package dev.clausewise.engine;

import dev.clausewise.query.Identifiability;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.StatementTable;
import dev.clausewise.vocabulary.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The narrower questions of one decision (a DRL global): each refining statement's restriction is asked in the
 * decision's own session, once however many refinements share it, so that a refinement reports what the policy
 * answers at its narrower level (a narrower allow may still lose to a deny there).
 */
public final class NarrowerQuestions {
    private final StatementTable statements;
    private final Map<Narrowing, NormalizedQuery> asked = new HashMap<>();
    private final Map<String, NormalizedQuery> byStatement = new HashMap<>();

    NarrowerQuestions(StatementTable statements) {
        this.statements = statements;
    }

    /**
     * The facts that ask the narrower question of a refinement: the question and its relevant statements; none when
     * an earlier refinement asked the same one.
     */
    public List<Object> ask(Standing refinement) {
        Candidate c = refinement.candidate();
        Map<Dimension, String> keys = new EnumMap<>(Dimension.class);
        c.narrowings().forEach(m -> keys.put(m.dimension(), m.key()));
        Narrowing n = new Narrowing(keys, c.scope());
        NormalizedQuery known = asked.get(n);
        NormalizedQuery q = known != null ? known : c.getQuery().narrowedTo(keys, c.scope());
        asked.putIfAbsent(n, q);
        byStatement.put(refinement.getStatementId(), q);
        if (known != null) {
            return List.of();
        }
        List<Object> facts = new ArrayList<>();
        facts.add(q);
        facts.addAll(statements.relevant(q));
        return facts;
    }

    /** The narrower question each refining statement asked. */
    Map<String, NormalizedQuery> byStatement() {
        return byStatement;
    }

    /** A refinement's narrower question: narrower keys, and the identifiability of the data it speaks of (or null). */
    private record Narrowing(Map<Dimension, String> keys, Identifiability identifiability) {
    }
}
