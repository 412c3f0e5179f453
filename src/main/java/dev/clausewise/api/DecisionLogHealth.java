package dev.clausewise.api;

import dev.clausewise.decisionlog.SinkHealth;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The decision log sink's state in /health; counters are since the process started. */
@Serdeable
@Schema(description = "Counters since the process started.")
record DecisionLogHealth(String sink,
                         @Schema(allowableValues = {"UP", "DEGRADED", "DOWN"}, description = "DEGRADED: records were dropped; DOWN: writes fail") String status,
                         long written, long failures, long dropped, int queued,
                         @Nullable @Schema(nullable = true) String lastError) {
    static DecisionLogHealth of(SinkHealth h) {
        return new DecisionLogHealth(h.sink(), h.status().name(), h.written(), h.failures(), h.dropped(), h.queued(), h.lastError());
    }
}
