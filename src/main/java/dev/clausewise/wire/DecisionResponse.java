package dev.clausewise.wire;

import dev.clausewise.explain.ConditionView;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.explain.Refinement;
import dev.clausewise.explain.RetentionView;
import dev.clausewise.explain.TrailStep;
import dev.clausewise.policy.Outcome;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answer to one question: {@link Decision} with its outcome typed; the nested views travel as they are. */
@Serdeable
@Schema(name = "Decision")
public record DecisionResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "names the decision in the decision log (GET /v1/decisions/{id})") String decisionId,
                               PolicyRef policy,
                               Outcome outcome,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "what must hold for ALLOW_WITH_CONDITIONS: open conditions and restrictions") List<ConditionView> conditions,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the deciding statements") List<String> reason,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the explanation, step by step; empty with explain none") List<TrailStep> trail,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "narrower questions the policy answers differently") List<Refinement> refinements,
                               List<RetentionView> retention,
                               List<String> errors) {

    /** The same decision with another trail. */
    public DecisionResponse withTrail(List<TrailStep> steps) {
        return new DecisionResponse(decisionId, policy, outcome, conditions, reason, steps, refinements, retention, errors);
    }

    /** The same decision with other refinements. */
    public DecisionResponse withRefinements(List<Refinement> narrower) {
        return new DecisionResponse(decisionId, policy, outcome, conditions, reason, trail, narrower, retention, errors);
    }

    public static DecisionResponse of(Decision d) {
        return new DecisionResponse(d.decisionId(), d.policy(), Outcome.valueOf(d.outcome()), d.conditions(), d.reason(), d.trail(),
                d.refinements(), d.retention(), d.errors());
    }
}
