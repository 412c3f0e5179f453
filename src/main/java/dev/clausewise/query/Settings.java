package dev.clausewise.query;

/**
 * The normalized context of a query: the facts that settle conditions (DESIGN.md, decision semantics step 4).
 */
public record Settings(Consent consent, Boolean optedOut, Identifiability identifiability, Integer age,
                       Boolean legalProcess, boolean doNotTrack) {

    public static final Settings DEFAULT = new Settings(Consent.UNKNOWN, null, Identifiability.IDENTIFIED, null, null, false);

    public ConditionStatus settle(String condition) {
        if (condition.equals("choice.opt_in") || condition.equals("legal_basis.consent") || condition.equals("trigger.parental_consent")) {
            return switch (consent) {
                case GRANTED -> ConditionStatus.SATISFIED;
                case DENIED -> ConditionStatus.DEFEATED;
                case UNKNOWN -> ConditionStatus.OPEN;
            };
        }
        if (condition.equals("choice.opt_out") || condition.startsWith("choice.opt_out.")) {
            if (doNotTrack && condition.equals("choice.opt_out.browser_device.do_not_track")) {
                return ConditionStatus.DEFEATED;
            }
            return optedOut == null ? ConditionStatus.OPEN : optedOut ? ConditionStatus.DEFEATED : ConditionStatus.SATISFIED;
        }
        if (condition.startsWith("identifiability.")) {
            return dev.clausewise.policy.ScopeQualifier.of(condition).map(q -> identifiability.within(Identifiability.requiredBy(q))).orElse(true)
                    ? ConditionStatus.SATISFIED : ConditionStatus.DEFEATED;
        }
        if (condition.equals("trigger.required_by_law")) {
            return legalProcess == null ? ConditionStatus.OPEN : legalProcess ? ConditionStatus.SATISFIED : ConditionStatus.DEFEATED;
        }
        if (condition.equals("choice.none")) {
            return ConditionStatus.SATISFIED;
        }
        return ConditionStatus.OPEN;
    }

    /** Alternatives ({@code any_of}): satisfied when one is, defeated when every one is, else open. */
    public ConditionStatus settleAny(java.util.List<String> alternatives) {
        boolean open = false;
        for (String c : alternatives) {
            ConditionStatus s = settle(c);
            if (s == ConditionStatus.SATISFIED) {
                return s;
            }
            open |= s == ConditionStatus.OPEN;
        }
        return open ? ConditionStatus.OPEN : ConditionStatus.DEFEATED;
    }

    /** The same context with data of another identifiability: the question a scope-refinement answers. */
    public Settings withIdentifiability(Identifiability other) {
        return new Settings(consent, optedOut, other, age, legalProcess, doNotTrack);
    }
}
