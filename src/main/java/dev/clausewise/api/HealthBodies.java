package dev.clausewise.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The bodies of /health and its two probes. */
final class HealthBodies {
    private HealthBodies() {
    }

    @Serdeable
    @Schema(name = "Health", description = "The service's state: each policy's version, every refused version and the decision log sink (null when disabled).")
    record Health(@Schema(allowableValues = {"UP", "DEGRADED", "DOWN"}, description = "DOWN: no policy loaded; DEGRADED: the decision log sink is not UP") String status,
                  boolean live,
                  @Schema(description = "what /health/readiness answers") boolean ready,
                  Map<String, PolicyVersion> policies,
                  @Schema(description = "per policy (or vocabulary.yaml), the errors that refused its latest version; the last good version keeps serving")
                  Map<String, List<String>> refused,
                  @Nullable DecisionLogHealth decisionLog) {
    }

    @Serdeable
    @Schema(name = "PolicyVersion")
    record PolicyVersion(String version, String digest) {
    }

    @Serdeable
    @Schema(name = "Probe", description = "A Kubernetes probe's answer; reasons say why the service is not ready.")
    record Probe(@Schema(allowableValues = {"UP", "DOWN"}) String status, List<String> reasons) {
    }
}
