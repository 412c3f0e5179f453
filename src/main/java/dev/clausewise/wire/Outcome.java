package dev.clausewise.wire;

import io.swagger.v3.oas.annotations.media.Schema;

/** The five answers, as clients switch on them. */
@Schema(name = "Outcome")
public enum Outcome {
    ALLOW, ALLOW_WITH_CONDITIONS, DENY, NOT_ADDRESSED, DEPENDS
}
