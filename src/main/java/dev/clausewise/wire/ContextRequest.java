package dev.clausewise.wire;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The facts that settle conditions; every field may be left out (see {@link QueryFields#CONTEXT}). */
@Serdeable
@Schema(name = "Context", description = "Facts that settle conditions; each may be left out.")
public record ContextRequest(
        @Nullable @Schema(allowableValues = {"granted", "denied", "unknown"}, nullable = true) String consent,
        @Nullable @Schema(nullable = true) Boolean optedOut,
        @Nullable @Schema(allowableValues = {"identified", "pseudonymized", "aggregated", "anonymized"}, nullable = true) String identifiability,
        @Nullable @Schema(nullable = true, minimum = "0", maximum = "150") Integer age,
        @Nullable @Schema(nullable = true) Boolean legalProcess,
        @Nullable @Schema(nullable = true) Boolean doNotTrack) {
}
