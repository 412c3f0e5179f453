package dev.clausewise.query;

/**
 * A decision question as asked (REST body, CLI flags or a scenario): words not yet checked.
 * Null means "not given".
 */
public record Query(String policy, String practice, String data, String recipient, String purpose, String subject,
                    String region, String destination, Context context) {

    /** The context as asked; null fields take the defaults of DESIGN.md. */
    public record Context(String consent, Boolean optedOut, String identifiability, Integer age, Boolean legalProcess,
                          Boolean doNotTrack) {
        public static final Context NONE = new Context(null, null, null, null, null, null);
    }

    public Query withPolicy(String id) {
        return new Query(id, practice, data, recipient, purpose, subject, region, destination, context);
    }
}
