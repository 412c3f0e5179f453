package dev.clausewise.wire;

import dev.clausewise.analysis.Compare;
import dev.clausewise.explain.CiteView;
import dev.clausewise.policy.Outcome;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One policy's answer in a comparison: outcome, open conditions, deciding statements and the clauses they quote. */
@Serdeable
@Schema(name = "CompareRow")
public record CompareRow(String policy, String version, Outcome outcome, List<String> conditions, List<String> reasons, List<CiteView> cites) {
    static CompareRow of(Compare.Row r) {
        return new CompareRow(r.policy(), r.version(), Outcome.valueOf(r.outcome()), r.conditions(), r.reasons(), r.cites());
    }
}
