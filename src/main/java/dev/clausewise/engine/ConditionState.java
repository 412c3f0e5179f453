package dev.clausewise.engine;

import dev.clausewise.query.ConditionStatus;
import dev.clausewise.query.NormalizedQuery;
import java.util.List;

/**
 * Fact: what the query's context says of one condition of one statement. {@code anyOf} holds one condition, or
 * several alternatives of which one must hold.
 */
public record ConditionState(NormalizedQuery query, String statementId, List<String> anyOf, ConditionStatus status) {
    public ConditionState {
        anyOf = List.copyOf(anyOf);
    }

    public NormalizedQuery getQuery() {
        return query;
    }

    public String getStatementId() {
        return statementId;
    }

    public ConditionStatus getStatus() {
        return status;
    }

    public boolean alternatives() {
        return anyOf.size() > 1;
    }

    /** "choice.opt_in", or "any of legal_basis.consent, transfer_mechanism.standard_contractual_clauses". */
    public String describe() {
        return alternatives() ? "any of " + String.join(", ", anyOf) : anyOf.get(0);
    }
}
