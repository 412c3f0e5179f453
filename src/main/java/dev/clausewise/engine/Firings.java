package dev.clausewise.engine;

import dev.clausewise.query.NormalizedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tracer of one evaluation (a DRL global): rules report what they concluded about the asked question, in
 * firing order, as OPA's evaluator emits trace events; what they conclude about its narrower questions is not
 * traced. Not shared between sessions.
 */
public final class Firings {
    private final NormalizedQuery asked;
    private final List<Firing> events = new ArrayList<>();

    Firings(NormalizedQuery asked) {
        this.asked = asked;
    }

    public void matched(String rule, Candidate c) {
        if (c.getQuery() != asked) {
            return;
        }
        String detail = c.isApplying()
                ? "applies (" + c.getEffect().name().toLowerCase() + ")"
                : "narrower than the query on " + c.narrowings().stream().map(m -> m.dimension().key() + " " + m.key()).collect(Collectors.joining(", "))
                        + (c.scope() == null ? "" : (c.narrowings().isEmpty() ? "" : ", ") + "identifiability " + c.scope().name().toLowerCase())
                        + " (" + c.getEffect().name().toLowerCase() + ")";
        events.add(new Firing(rule, TrailKind.MATCH, c.getStatementId(), detail));
    }

    public void overridden(String rule, Overridden o) {
        if (o.query() != asked) {
            return;
        }
        String how = o.kind() == OverrideKind.EXPLICIT ? "explicitly overrides" : "is more specific than";
        events.add(new Firing(rule, TrailKind.OVERRIDE, o.winner(), o.winner() + " " + how + " " + o.loser()));
    }

    public void condition(String rule, ConditionState s) {
        if (s.query() != asked) {
            return;
        }
        events.add(new Firing(rule, TrailKind.CONDITION, s.statementId(), s.describe() + ": " + s.status().name().toLowerCase()));
    }

    public void conflict(String rule, Conflict c) {
        if (c.query() != asked) {
            return;
        }
        events.add(new Firing(rule, TrailKind.CONFLICT, c.deny(), "deny " + c.deny() + " and allow " + c.allow() + " both decide; neither overrides the other: deny wins"));
    }

    public void decided(String rule, Decided d) {
        if (d.query() != asked) {
            return;
        }
        events.add(new Firing(rule, TrailKind.DECIDE, d.reasons().isEmpty() ? null : d.reasons().get(0), d.outcome().name()
                + (d.reasons().isEmpty() ? "" : " by " + String.join(", ", d.reasons()))));
    }

    public List<Firing> events() {
        return List.copyOf(events);
    }
}
