package dev.clausewise.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tracer of one evaluation (a DRL global): rules report what they concluded, in firing order, as
 * OPA's evaluator emits trace events. Not shared between sessions.
 */
public final class Firings {
    private final List<Firing> events = new ArrayList<>();

    public void matched(String rule, Candidate c) {
        String detail = c.isApplying()
                ? "applies (" + c.getEffect().name().toLowerCase() + ")"
                : "narrower than the query on " + c.narrowings().stream().map(m -> m.dimension().key() + " " + m.key()).collect(Collectors.joining(", "))
                        + (c.scope() == null ? "" : (c.narrowings().isEmpty() ? "" : ", ") + "identifiability " + c.scope().name().toLowerCase())
                        + " (" + c.getEffect().name().toLowerCase() + ")";
        events.add(new Firing(rule, TrailKind.MATCH, c.getStatementId(), detail));
    }

    public void overridden(String rule, Overridden o) {
        String how = o.kind() == OverrideKind.EXPLICIT ? "explicitly overrides" : "is more specific than";
        events.add(new Firing(rule, TrailKind.OVERRIDE, o.winner(), o.winner() + " " + how + " " + o.loser()));
    }

    public void condition(String rule, ConditionState s) {
        events.add(new Firing(rule, TrailKind.CONDITION, s.statementId(), s.describe() + ": " + s.status().name().toLowerCase()));
    }

    public void conflict(String rule, Conflict c) {
        events.add(new Firing(rule, TrailKind.CONFLICT, c.deny(), "deny " + c.deny() + " and allow " + c.allow() + " both decide; neither overrides the other: deny wins"));
    }

    public void decided(String rule, Decided d) {
        events.add(new Firing(rule, TrailKind.DECIDE, d.reasons().isEmpty() ? null : d.reasons().get(0), d.outcome().name()
                + (d.reasons().isEmpty() ? "" : " by " + String.join(", ", d.reasons()))));
    }

    public List<Firing> events() {
        return List.copyOf(events);
    }
}
