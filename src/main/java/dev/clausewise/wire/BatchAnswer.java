package dev.clausewise.wire;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The answers to a batch, in the order of its questions. */
@Serdeable
@Schema(name = "BatchAnswer")
public record BatchAnswer(List<Item> answers) {
    public BatchAnswer {
        answers = List.copyOf(answers);
    }

    /** One question's answer: a decision, or the problem that kept it from being answered. */
    @Schema(name = "BatchItem", oneOf = {Decided.class, Failed.class})
    public sealed interface Item permits Decided, Failed {
    }

    @Serdeable
    @Schema(name = "BatchDecision", requiredProperties = "decision")
    public record Decided(DecisionResponse decision) implements Item {
    }

    @Serdeable
    @Schema(name = "BatchError", requiredProperties = "error")
    public record Failed(Problem error) implements Item {
    }
}
