package dev.clausewise.engine;

import java.util.Locale;

/** The steps of an explanation, in the order the pipeline takes them. */
public enum TrailKind {
    NORMALIZE, MATCH, OVERRIDE, CONFLICT, CONDITION, DECIDE;

    private final String trailName = name().toLowerCase(Locale.ROOT);

    /** The step's {@code kind} in a trail: "decide". */
    public String trailName() {
        return trailName;
    }
}
