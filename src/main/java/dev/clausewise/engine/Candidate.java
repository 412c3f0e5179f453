package dev.clausewise.engine;

import dev.clausewise.policy.Effect;
import dev.clausewise.query.KeyMatch;
import dev.clausewise.query.Relation;
import dev.clausewise.vocabulary.Dimension;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fact inserted by a statement rule: the statement is relevant to the query, and how. */
public final class Candidate {
    private final String statementId;
    private final Effect effect;
    private final List<String> conditions;
    private final Set<String> overrides;
    private final Map<Dimension, KeyMatch> matches;
    private final Applicability applicability;

    private Candidate(String statementId, Effect effect, List<String> conditions, Set<String> overrides, Map<Dimension, KeyMatch> matches) {
        this.statementId = statementId;
        this.effect = effect;
        this.conditions = conditions;
        this.overrides = overrides;
        this.matches = matches;
        this.applicability = matches.values().stream().allMatch(m -> m.relation() == Relation.COVERS)
                ? Applicability.APPLIES : Applicability.REFINES;
    }

    /** Called from generated rules with the statement's literals and the dimension matches they bound. */
    public static Candidate of(String id, Effect effect, String[] conditions, String[] overrides, KeyMatch... matches) {
        Map<Dimension, KeyMatch> m = new EnumMap<>(Dimension.class);
        for (KeyMatch k : matches) {
            m.put(k.dimension(), k);
        }
        return new Candidate(id, effect, List.of(conditions), Set.of(overrides), m);
    }

    public String getStatementId() {
        return statementId;
    }

    public Effect getEffect() {
        return effect;
    }

    public List<String> getConditions() {
        return conditions;
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
        return overrides.contains(other.statementId)
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
