package dev.clausewise.wire;

import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A decision question, as POST /v1/decisions and each line of `decide --batch` take it. */
@Serdeable
@Schema(name = "DecisionRequest", description = "One question. Unknown fields are refused by name with a hint.")
public record DecisionRequest(
        @Nullable @Schema(description = "policy id, e.g. mixpanel", example = "mixpanel", nullable = true) String policy,
        @Schema(description = "practice key or alias", example = "share.sell") String practice,
        @Nullable @Schema(description = "data category; default user (any personal information)", example = "user.contact.email", nullable = true) String data,
        @Nullable @Schema(description = "recipient key or alias", example = "advertisers", nullable = true) String recipient,
        @Nullable @Schema(nullable = true) String purpose,
        @Nullable @Schema(nullable = true) String subject,
        @Nullable @Schema(description = "ISO 3166 code or group; default ANY", example = "FR", nullable = true) String region,
        @Nullable @Schema(description = "region data goes to, for transfer.*", nullable = true) String destination,
        @Nullable ContextRequest context,
        @Nullable @Schema(allowableValues = {"none", "summary", "full"}, description = "trail level; default full", nullable = true) String explain) {

    public Query query() {
        ContextRequest c = context;
        Query.Context qc = c == null ? Query.Context.NONE
                : new Query.Context(c.consent(), c.optedOut(), c.identifiability(), c.age(), c.legalProcess(), c.doNotTrack());
        return new Query(policy, practice, data, recipient, purpose, subject, region, destination, qc);
    }

    /** The trail level; the reader has already refused a word that is none of none, summary, full. */
    public Explain explainLevel() {
        return Explain.parse(explain).orElse(Explain.FULL);
    }

    public DecisionRequest withExplain(String level) {
        return new DecisionRequest(policy, practice, data, recipient, purpose, subject, region, destination, context, level);
    }
}
