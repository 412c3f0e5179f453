package dev.clausewise.wire;

import dev.clausewise.query.Query;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/** A question as the analysis asked it (or as the decision log keeps it): what was not asked is null. */
@Serdeable
@Schema(name = "Question", description = "A question as asked (by the analysis, or as the decision log keeps it): what was not asked is null.")
public record Question(@Nullable @Schema(nullable = true) String policy,
                       @Nullable @Schema(nullable = true) String practice,
                       @Nullable @Schema(nullable = true) String data,
                       @Nullable @Schema(nullable = true) String recipient,
                       @Nullable @Schema(nullable = true) String purpose,
                       @Nullable @Schema(nullable = true) String subject,
                       @Nullable @Schema(nullable = true) String region,
                       @Nullable @Schema(nullable = true) String destination,
                       ContextRequest context) {

    /** A query without a context is one whose context fields all take their defaults: the same question. */
    public static Question of(Query q) {
        Query.Context c = Objects.requireNonNullElse(q.context(), Query.Context.NONE);
        return new Question(q.policy(), q.practice(), q.data(), q.recipient(), q.purpose(), q.subject(), q.region(), q.destination(),
                new ContextRequest(c.consent(), c.optedOut(), c.identifiability(), c.age(), c.legalProcess(), c.doNotTrack()));
    }
}
