package dev.clausewise.vocabulary;

import java.util.List;

/** The axes of a statement and of a query. Region and destination share the region tree. */
public enum Dimension {
    PRACTICE("practice"), DATA("data"), RECIPIENT("recipient"), PURPOSE("purpose"), SUBJECT("subject"),
    REGION("region"), DESTINATION("destination"), CONDITION("condition"), RETENTION("retention");

    /** The axes a statement is matched on, in the order trails and DRL list them. */
    public static final List<Dimension> MATCHED = List.of(PRACTICE, DATA, RECIPIENT, PURPOSE, SUBJECT, REGION, DESTINATION);

    private final String key;

    Dimension(String key) {
        this.key = key;
    }

    /** The name used in YAML, JSON and DRL. */
    public String key() {
        return key;
    }

    /** The diagnostic and API error code for a word that is not a key of this dimension. */
    public String unknownCode() {
        return switch (this) {
            case DATA -> "unknown_data_category";
            case REGION, DESTINATION -> "unknown_region";
            default -> "unknown_" + key;
        };
    }

    public boolean isRegional() {
        return this == REGION || this == DESTINATION;
    }
}
