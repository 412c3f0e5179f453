package dev.clausewise.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The conditions that say which data a statement speaks of ("aggregated, anonymized data"), not what must hold for
 * a permission: for data outside that scope the statement is silent, never a denial (docs/semantics.md step 4).
 */
public enum ScopeQualifier {
    PSEUDONYMIZED("identifiability.pseudonymized"), AGGREGATED("identifiability.aggregated"), ANONYMIZED("identifiability.anonymized");

    private final String condition;

    ScopeQualifier(String condition) {
        this.condition = condition;
    }

    public String condition() {
        return condition;
    }

    public static Optional<ScopeQualifier> of(String condition) {
        return Arrays.stream(values()).filter(q -> q.condition.equals(condition)).findFirst();
    }
}
