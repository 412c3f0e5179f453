package dev.clausewise.engine;

import dev.clausewise.policy.Effect;
import dev.clausewise.policy.ScopeQualifier;
import dev.clausewise.query.ConditionStatus;
import dev.clausewise.query.Identifiability;
import dev.clausewise.query.KeyMatch;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Relation;
import dev.clausewise.query.Relevant;
import dev.clausewise.vocabulary.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fact inserted by a statement rule: the statement is relevant to the query, and how. A statement whose scope
 * qualifier (`identifiability.anonymized`) the query's data does not meet only refines the query: it speaks of
 * narrower data, and {@link #scope()} names that data.
 */
public final class Candidate {
    private final NormalizedQuery query;
    private final String statementId;
    private final Effect effect;
    private final List<List<String>> conditions;
    private final Set<String> overrides;
    private final Map<Dimension, KeyMatch> matches;
    private final Identifiability scope;
    private final Applicability applicability;
    private final List<ConditionState> conditionStates;
    private final ConditionStatus settled;

    private Candidate(NormalizedQuery query, String statementId, Effect effect, List<List<String>> conditions, Set<String> overrides,
                      Map<Dimension, KeyMatch> matches, Identifiability scope) {
        this.query = query;
        this.statementId = statementId;
        this.effect = effect;
        this.conditions = conditions;
        this.overrides = overrides;
        this.matches = matches;
        this.scope = scope;
        this.applicability = scope == null && matches.values().stream().allMatch(m -> m.relation() == Relation.COVERS)
                ? Applicability.APPLIES : Applicability.REFINES;
        // Only an allow's conditions are settled (a deny prohibits whatever they say). Settled here, once, so that
        // the standing and override rules test one field instead of joining the condition states.
        List<ConditionState> states = new ArrayList<>(effect == Effect.ALLOW ? conditions.size() : 0);
        ConditionStatus worst = ConditionStatus.SATISFIED;
        if (effect == Effect.ALLOW) {
            for (List<String> anyOf : conditions) {
                ConditionState s = new ConditionState(query, statementId, anyOf, query.settings().settleAny(anyOf));
                states.add(s);
                if (s.status() == ConditionStatus.DEFEATED || s.status() == ConditionStatus.OPEN && worst == ConditionStatus.SATISFIED) {
                    worst = s.status();
                }
            }
        }
        this.conditionStates = List.copyOf(states);
        this.settled = worst;
    }

    /**
     * Called from generated rules with the statement's literals and the fact that found it relevant, which holds
     * its matches. Scope qualifiers leave the conditions: within scope they hold, outside it the statement is a refinement.
     */
    public static Candidate of(Relevant relevant, String id, Effect effect, String[] conditions, String[] anyOf, String[] overrides) {
        NormalizedQuery q = relevant.query();
        List<List<String>> groups = new ArrayList<>();
        Identifiability scope = null;
        for (String c : conditions) {
            Optional<Identifiability> required = ScopeQualifier.of(c).map(Identifiability::requiredBy);
            if (required.isEmpty()) {
                groups.add(List.of(c));
            } else if (!q.settings().identifiability().within(required.get())
                    && (scope == null || required.get().level() > scope.level())) {
                scope = required.get();
            }
        }
        if (anyOf.length > 0) {
            groups.add(List.of(anyOf));
        }
        return new Candidate(q, id, effect, List.copyOf(groups), Set.of(overrides), relevant.matches(), scope);
    }

    /** The question this candidate answers: a session holds the asked question and its narrower ones. */
    public NormalizedQuery getQuery() {
        return query;
    }

    public String getStatementId() {
        return statementId;
    }

    public Effect getEffect() {
        return effect;
    }

    /** What must hold, each entry one condition or several alternatives (one of which must hold). */
    public List<List<String>> getConditions() {
        return conditions;
    }

    /** What the query's context says of each of an allow's conditions, in order; none for a deny. */
    public List<ConditionState> getConditionStates() {
        return conditionStates;
    }

    /** All of an allow's conditions together: defeated when one is, else open when one is, else satisfied (a deny: satisfied). */
    public ConditionStatus getSettled() {
        return settled;
    }

    /** How this candidate stands once no statement overrides it: a deny, or an allow by its settled conditions. */
    public StandingKind getStandingKind() {
        if (effect == Effect.DENY) {
            return StandingKind.DENY;
        }
        return switch (settled) {
            case DEFEATED -> StandingKind.DEFEATED;
            case OPEN -> StandingKind.OPEN;
            case SATISFIED -> StandingKind.CLEAR;
        };
    }

    /** A defeated allow removes no deny: the exception does not hold, so the prohibition it would lift decides. */
    public boolean mayRemove(Candidate loser) {
        return settled != ConditionStatus.DEFEATED || loser.effect != Effect.DENY;
    }

    /** The identifiability of the data the statement speaks of, when the query's data is outside it; else null. */
    public Identifiability scope() {
        return scope;
    }

    /**
     * Narrower than the query in who or which data it speaks of (subject, identifiability): such a statement never
     * answers the broader question, it only refines it (docs/semantics.md step 5).
     */
    public boolean isScoped() {
        return scope != null || matches.containsKey(Dimension.SUBJECT) && matches.get(Dimension.SUBJECT).relation() == Relation.NARROWER;
    }

    public Applicability getApplicability() {
        return applicability;
    }

    public boolean isApplying() {
        return applicability == Applicability.APPLIES;
    }

    public Map<Dimension, KeyMatch> matches() {
        return matches;
    }

    /** The dimensions on which the statement is narrower than the query: its restriction. */
    public List<KeyMatch> narrowings() {
        return matches.values().stream().filter(m -> m.relation() == Relation.NARROWER).toList();
    }

    /**
     * An explicit {@code overrides:} takes effect when this statement applies, or when both only refine
     * the query (a narrower exception must not remove a general rule for the general case).
     */
    public boolean explicitlyOverrides(Candidate other) {
        return overrides.contains(other.statementId) && scope == null
                && (applicability == Applicability.APPLIES || other.applicability == Applicability.REFINES);
    }

    /** At least as deep as {@code other} on every dimension and deeper on one (an omitted dimension has depth 0). */
    public boolean moreSpecificThan(Candidate other) {
        boolean deeper = false;
        for (Dimension d : Dimension.MATCHED) {
            int mine = depth(d);
            int theirs = other.depth(d);
            if (mine < theirs) {
                return false;
            }
            deeper |= mine > theirs;
        }
        return deeper;
    }

    private int depth(Dimension d) {
        KeyMatch m = matches.get(d);
        return m == null ? 0 : m.depth();
    }

    @Override
    public String toString() {
        return statementId;
    }
}
