package dev.clausewise.wire;

import dev.clausewise.analysis.DiffReport;
import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Outcome;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The semantic diff of two policies, as POST /v1/diff answers and `clausewise diff --json` prints. */
@Serdeable
@Schema(name = "DiffReport", description = "The changes from `a` to `b`: the first `changes` of `totalChanges` (the service lists at most "
        + "clausewise.analysis.max-changes; `truncated` says some were left out).")
public record DiffResponse(PolicyRef a, PolicyRef b, long questions, long evaluations, int totalChanges, boolean truncated,
                           List<DiffChange> changes) {
    public DiffResponse {
        changes = List.copyOf(changes);
    }

    /** The report with only the changes {@code shown}, the first of its changes. */
    public static DiffResponse of(DiffReport r, List<DiffReport.Change> shown) {
        return new DiffResponse(r.a(), r.b(), r.questions(), r.evaluations(), r.changes().size(), shown.size() < r.changes().size(),
                shown.stream().map(DiffChange::of).toList());
    }

    public static DiffResponse of(DiffReport r) {
        return of(r, r.changes());
    }

    @Serdeable
    @Schema(name = "DiffChange", description = "A general change: where it holds (keys per field; a field left out is any value), both sides, and one example question.")
    public record DiffChange(String text, Map<String, List<String>> where, DiffSide before, DiffSide after, Question example) {
        static DiffChange of(DiffReport.Change c) {
            return new DiffChange(c.text(), c.where(), DiffSide.of(c.before()), DiffSide.of(c.after()), Question.of(c.example()));
        }
    }

    @Serdeable
    @Schema(name = "DiffSide", description = "One side's answer and the statements that decide it, each with the clause it quotes.")
    public record DiffSide(String answer, Outcome outcome, List<String> conditions, List<String> reasons, List<CiteView> cites) {
        static DiffSide of(DiffReport.Side s) {
            return new DiffSide(s.answer(), Outcome.valueOf(s.outcome()), s.conditions(), s.reasons(), s.cites());
        }
    }
}
