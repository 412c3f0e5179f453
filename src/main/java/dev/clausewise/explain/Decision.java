package dev.clausewise.explain;

import java.util.List;

/** The answer to one question, as DESIGN.md's REST API returns it. */
public record Decision(String decisionId, PolicyRef policy, String outcome, List<ConditionView> conditions,
                       List<String> reason, List<TrailStep> trail, List<Refinement> refinements,
                       List<RetentionView> retention, List<String> errors) {
    public Decision {
        conditions = List.copyOf(conditions);
        reason = List.copyOf(reason);
        trail = List.copyOf(trail);
        refinements = List.copyOf(refinements);
        retention = List.copyOf(retention);
        errors = List.copyOf(errors);
    }
}
