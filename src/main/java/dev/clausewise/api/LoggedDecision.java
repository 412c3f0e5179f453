package dev.clausewise.api;

import dev.clausewise.policy.Outcome;
import dev.clausewise.wire.Question;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The schema of a decision log record as GET /v1/decisions/{id} returns it: the line the sink stored
 * (decisionlog.DecisionRecord), sent as it is. Only the OpenAPI document uses this type.
 */
@Schema(name = "LoggedDecision", description = "A decision log record: the question as asked and the answer.")
record LoggedDecision(String id,
                      @Schema(format = "date-time") String time,
                      Question query,
                      Outcome outcome,
                      List<String> reason,
                      String policy,
                      String version,
                      String digest) {
}
