package dev.clausewise.wire;

import dev.clausewise.analysis.Finding;
import dev.clausewise.analysis.LintReport;
import dev.clausewise.analysis.Witness;
import dev.clausewise.policy.Outcome;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Severity;
import dev.clausewise.source.SourceLocation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What lint found in one policy, as POST /v1/policies/lint answers and `clausewise lint --json` prints (one per policy). */
@Serdeable
@Schema(name = "LintReport", description = "Every finding with a witness question the engine answers; `questions` is the size of the question space searched.")
public record LintResponse(String policy, long questions, List<LintFinding> findings) {
    public LintResponse {
        findings = List.copyOf(findings);
    }

    public static LintResponse of(LintReport r) {
        return new LintResponse(r.policy(), r.questions(), r.findings().stream().map(LintFinding::of).toList());
    }

    @Serdeable
    @Schema(name = "LintFinding")
    public record LintFinding(LintDiagnostic diagnostic,
                              @Nullable @Schema(nullable = true) String statement,
                              @Nullable @Schema(nullable = true, description = "the other statement of a pair") String with,
                              @Nullable LintWitness witness,
                              @Schema(description = "the policy acknowledges this finding") boolean acknowledged) {
        static LintFinding of(Finding f) {
            return new LintFinding(LintDiagnostic.of(f.diagnostic()), f.statement(), f.with(),
                    f.witness() == null ? null : LintWitness.of(f.witness()), f.isAcknowledged());
        }
    }

    @Serdeable
    @Schema(name = "LintDiagnostic")
    public record LintDiagnostic(Severity severity, String code, String message, Location location,
                                 @Nullable @Schema(nullable = true) String help,
                                 @Schema(description = "severity is ERROR") boolean error) {
        static LintDiagnostic of(Diagnostic d) {
            return new LintDiagnostic(d.severity(), d.code(), d.message(), Location.of(d.location()), d.help(), d.isError());
        }
    }

    @Serdeable
    @Schema(name = "SourceLocation")
    public record Location(String file, int line, int column) {
        static Location of(SourceLocation l) {
            return new Location(l.file(), l.line(), l.column());
        }
    }

    @Serdeable
    @Schema(name = "Witness", description = "A question that shows the finding, with the engine's answer to it; outcome and rule are "
            + "null when the policy does not build, so nothing could be asked.")
    public record LintWitness(Question question, @Nullable @Schema(nullable = true) Outcome outcome, List<String> reasons,
                              @Nullable @Schema(nullable = true) String rule) {
        static LintWitness of(Witness w) {
            return new LintWitness(Question.of(w.question()), w.outcome() == null ? null : Outcome.valueOf(w.outcome()), w.reasons(), w.rule());
        }
    }
}
