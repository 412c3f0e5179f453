package dev.clausewise.analysis;

import dev.clausewise.vocabulary.Dimension;
import java.util.List;

/**
 * One axis of the question space: the matched dimensions, then the age that settles child subjects (it must be
 * fixed before the subject), then the context fields that settle conditions. The order is the order of the search.
 */
public enum Axis {
    PRACTICE(Dimension.PRACTICE), DATA(Dimension.DATA), RECIPIENT(Dimension.RECIPIENT), PURPOSE(Dimension.PURPOSE),
    REGION(Dimension.REGION), DESTINATION(Dimension.DESTINATION), AGE(null), SUBJECT(Dimension.SUBJECT),
    CONSENT(null), OPTED_OUT(null), IDENTIFIABILITY(null), LEGAL_PROCESS(null), DO_NOT_TRACK(null);

    /** The context axes, in search order. */
    public static final List<Axis> CONTEXT = List.of(CONSENT, OPTED_OUT, IDENTIFIABILITY, LEGAL_PROCESS, DO_NOT_TRACK);

    private final Dimension dimension;

    Axis(Dimension dimension) {
        this.dimension = dimension;
    }

    /** The matched dimension, or null for age and the context fields. */
    public Dimension dimension() {
        return dimension;
    }

    /** The name of the question field: {@code practice}, ..., {@code age}, {@code consent}, {@code optedOut}, ... */
    public String field() {
        return switch (this) {
            case AGE -> "age";
            case CONSENT -> "consent";
            case OPTED_OUT -> "optedOut";
            case IDENTIFIABILITY -> "identifiability";
            case LEGAL_PROCESS -> "legalProcess";
            case DO_NOT_TRACK -> "doNotTrack";
            default -> dimension.key();
        };
    }
}
