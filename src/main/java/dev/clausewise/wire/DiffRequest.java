package dev.clausewise.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Two served policies to compare. */
@Serdeable
@Schema(name = "DiffRequest", requiredProperties = {"a", "b"})
public record DiffRequest(@Schema(example = "mixpanel") String a, @Schema(example = "pulumi") String b) {
}
