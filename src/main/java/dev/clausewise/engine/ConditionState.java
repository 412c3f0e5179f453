package dev.clausewise.engine;

import dev.clausewise.query.ConditionStatus;

/** Fact: what the query's context says of one condition of one statement. */
public record ConditionState(String statementId, String condition, ConditionStatus status) {
    public String getStatementId() {
        return statementId;
    }

    public ConditionStatus getStatus() {
        return status;
    }
}
