package dev.clausewise.api;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Outcome;
import dev.clausewise.scenario.ScenarioResult;
import dev.clausewise.source.Diagnostic;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** The answers of validate, PUT and scenario runs. */
final class AuthoringBodies {
    private AuthoringBodies() {
    }

    @Serdeable
    @Schema(name = "ValidationReport", description = "Whether the YAML builds, the version it would serve (null when it does not build), and every diagnostic.")
    record Report(boolean ok, String policy,
                  @Nullable PolicyRef version,
                  List<DiagnosticView> diagnostics) {
        static Report of(PolicyBuild b) {
            return new Report(b.ok(), b.id(), b.policy().map(p -> p.ref()).orElse(null), b.diagnostics().stream().map(DiagnosticView::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "Diagnostic", description = "One finding at file:line:column with a stable code and, where there is one, a hint.")
    record DiagnosticView(@Schema(allowableValues = {"error", "warning"}) String severity, String code, String message,
                          String file, int line, int column, @Nullable @Schema(nullable = true) String help) {
        static DiagnosticView of(Diagnostic d) {
            return new DiagnosticView(d.severity().name().toLowerCase(Locale.ROOT), d.code(), d.message(), d.location().file(),
                    d.location().line(), d.location().column(), d.help());
        }
    }

    @Serdeable
    @Schema(name = "ScenarioRun")
    record ScenarioRun(List<ScenarioView> results, long passed, long failed) {
        static ScenarioRun of(List<ScenarioResult> results) {
            long passed = results.stream().filter(r -> r.status() == ScenarioResult.Status.PASS).count();
            return new ScenarioRun(results.stream().map(ScenarioView::of).toList(), passed, results.size() - passed);
        }
    }

    @Serdeable
    @Schema(name = "ScenarioOutcome", description = "One scenario: PASS, FAIL with what differed, or ERROR when its question was refused (outcome null).")
    record ScenarioView(String name, int line, @Schema(allowableValues = {"PASS", "FAIL", "ERROR"}) String status,
                        @Nullable Outcome outcome,
                        List<String> diff) {
        static ScenarioView of(ScenarioResult r) {
            return new ScenarioView(r.scenario().name(), r.scenario().location().line(), r.status().name(),
                    r.decision() == null ? null : Outcome.valueOf(r.decision().outcome()), r.diff());
        }
    }
}
