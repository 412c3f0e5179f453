package dev.clausewise.analysis;

import dev.clausewise.query.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * A question that shows a finding, and what the engine answers to it ({@code outcome} is null when the policy
 * does not build, so nothing could be asked).
 */
public record Witness(Query question, String outcome, List<String> reasons, String rule) {
    public Witness {
        reasons = List.copyOf(reasons);
    }

    /** "practice=share recipient=third_party -> DENY by no-sale, share-consent (decide: conflict denies)". */
    public String describe() {
        String asked = String.join(" ", fields(question));
        if (outcome == null) {
            return asked + " (not evaluated: the policy does not build)";
        }
        return asked + " -> " + outcome + (reasons.isEmpty() ? "" : " by " + String.join(", ", reasons)) + " (" + rule + ")";
    }

    static List<String> fields(Query q) {
        List<String> out = new ArrayList<>();
        add(out, "practice", q.practice());
        add(out, "data", q.data());
        add(out, "recipient", q.recipient());
        add(out, "purpose", q.purpose());
        add(out, "subject", q.subject());
        add(out, "region", q.region());
        add(out, "destination", q.destination());
        Query.Context c = q.context() == null ? Query.Context.NONE : q.context();
        add(out, "consent", c.consent() == null || c.consent().equals("unknown") ? null : c.consent());
        add(out, "optedOut", c.optedOut());
        add(out, "identifiability", c.identifiability() == null || c.identifiability().equals("identified") ? null : c.identifiability());
        add(out, "age", c.age());
        add(out, "legalProcess", c.legalProcess());
        add(out, "doNotTrack", Boolean.TRUE.equals(c.doNotTrack()) ? true : null);
        return out;
    }

    private static void add(List<String> out, String field, Object value) {
        if (value != null) {
            out.add(field + "=" + value);
        }
    }
}
