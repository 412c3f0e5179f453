package dev.clausewise.query;

/** How closely the data is tied to a person; the level orders them for identifiability conditions. */
public enum Identifiability {
    IDENTIFIED(0), PSEUDONYMIZED(1), AGGREGATED(2), ANONYMIZED(2);

    private final int level;

    Identifiability(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    /** The identifiability a scope qualifier requires: the data a statement about `identifiability.anonymized` speaks of. */
    public static Identifiability requiredBy(dev.clausewise.policy.ScopeQualifier q) {
        return switch (q) {
            case PSEUDONYMIZED -> PSEUDONYMIZED;
            case AGGREGATED -> AGGREGATED;
            case ANONYMIZED -> ANONYMIZED;
        };
    }

    /** Data of this identifiability is within the scope of a statement about {@code required} data. */
    public boolean within(Identifiability required) {
        return level >= required.level;
    }
}
