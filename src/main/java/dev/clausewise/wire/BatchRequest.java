package dev.clausewise.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Many questions. Each item is read on its own: an item that does not read (an unknown field, a wrong type) is
 * null in {@code queries}, its problem in {@code unreadable} under its index (not part of the wire form).
 */
@Serdeable
@Schema(name = "BatchRequest", description = "Up to 10,000 questions; each is answered on its own, a bad one with its own error.")
public record BatchRequest(@ArraySchema(schema = @Schema(implementation = DecisionRequest.class), maxItems = 10000) List<DecisionRequest> queries,
                           @JsonIgnore @Schema(hidden = true) Map<Integer, Problem> unreadable) {
    public BatchRequest {
        queries = Collections.unmodifiableList(new ArrayList<>(queries));
        unreadable = Map.copyOf(unreadable);
    }
}
