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
}
