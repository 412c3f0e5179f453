package dev.clausewise.api;

import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Outcome;
import dev.clausewise.wire.ContextRequest;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The schemas of the bodies explain.Json writes from the analysis and catalog records (lint, diff, compare, the
 * policy list and details, the vocabulary, a policy's scenario files), as clients receive them. Only the OpenAPI
 * document uses these types; each mirrors the record it documents, component for component.
 */
final class ReportBodies {
    private ReportBodies() {
    }

    @Schema(name = "PolicyList")
    record PolicyList(List<PolicyController.PolicySummary> policies) {
    }

    @Schema(name = "PolicyDetails", description = "A policy and its normalized statements.")
    record PolicyDetails(PolicyController.PolicySummary policy, List<StatementView> statements) {
    }

    @Schema(name = "Statement", description = "A normalized statement: scope per dimension (a missing dimension means any), effect, cite and source location.")
    record StatementView(String id, @Nullable @Schema(nullable = true) String description, Map<String, List<String>> scope,
                         @Schema(allowableValues = {"allow", "deny"}) String effect, List<String> conditions,
                         @Nullable RetentionView retention, List<String> overrides,
                         @Nullable CiteView cite,
                         @Schema(description = "file:line:column") String location) {
    }

    @Schema(name = "Retention")
    record RetentionView(String key, @Nullable @Schema(nullable = true) String duration) {
    }

    @Schema(name = "Question", description = "A question as asked (by the analysis, or as the decision log keeps it): what was not asked is null.")
    record Question(@Nullable @Schema(nullable = true) String policy,
                    @Nullable @Schema(nullable = true) String practice,
                    @Nullable @Schema(nullable = true) String data,
                    @Nullable @Schema(nullable = true) String recipient,
                    @Nullable @Schema(nullable = true) String purpose,
                    @Nullable @Schema(nullable = true) String subject,
                    @Nullable @Schema(nullable = true) String region,
                    @Nullable @Schema(nullable = true) String destination,
                    ContextRequest context) {
    }

    @Schema(name = "LintReport", description = "Every finding with a witness question the engine answers; `questions` is the size of the question space searched.")
    record LintReport(String policy, long questions, List<Finding> findings) {
    }

    @Schema(name = "LintFinding")
    record Finding(LintDiagnostic diagnostic, @Nullable @Schema(nullable = true) String statement,
                   @Nullable @Schema(nullable = true, description = "the other statement of a pair") String with,
                   @Nullable Witness witness, boolean acknowledged) {
    }

    @Schema(name = "LintDiagnostic")
    record LintDiagnostic(@Schema(allowableValues = {"ERROR", "WARNING"}) String severity, String code, String message,
                          Location location, @Nullable @Schema(nullable = true) String help, boolean error) {
    }

    @Schema(name = "SourceLocation")
    record Location(String file, int line, int column) {
    }

    @Schema(name = "Witness", description = "A question that shows the finding, with the engine's answer to it.")
    record Witness(Question question, Outcome outcome, List<String> reasons, String rule) {
    }

    @Schema(name = "DiffReport", description = "The changes from `a` to `b`, at most clausewise.analysis.max-changes of `totalChanges`.")
    record Diff(PolicyRef a, PolicyRef b, long questions, long evaluations, int totalChanges, boolean truncated, List<Change> changes) {
    }

    @Schema(name = "DiffChange", description = "A general change: where it holds (keys per dimension), both sides, and one example question.")
    record Change(String text, Map<String, List<String>> where, Side before, Side after, Question example) {
    }

    @Schema(name = "DiffSide")
    record Side(String answer, String outcome, List<String> conditions, List<String> reasons, List<CiteView> cites) {
    }

    @Schema(name = "CompareTable", description = "One question, each loaded policy's answer.")
    record Table(Question question, List<Row> rows) {
    }

    @Schema(name = "CompareMatrix", description = "One policy's answers for each pair of keys; `cells[row][col]`.")
    record Matrix(String policy, Question question, String rows, String cols, List<String> rowKeys, List<String> colKeys,
                  List<List<Row>> cells) {
    }

    @Schema(name = "CompareRow")
    record Row(String policy, String version, Outcome outcome, List<String> conditions, List<String> reasons, List<CiteView> cites) {
    }

    @Schema(name = "Vocabulary", description = "Every key (with its description) and alias (with the keys it names) per dimension; regions by group name.")
    record Vocabulary(Tree practice, Tree data, Tree recipient, Tree purpose, Tree subject, Tree condition, Tree retention, Regions region) {
    }

    @Schema(name = "VocabularyTree")
    record Tree(Map<String, String> keys, Map<String, List<String>> aliases) {
    }

    @Schema(name = "VocabularyRegions")
    record Regions(Map<String, String> groups, String note) {
    }

    @Schema(name = "ScenarioFiles", description = "A policy's scenario files, each as POST /v1/scenarios/run takes it.")
    record ScenarioFiles(String policy, List<PlaygroundController.ScenarioFileView> files) {
    }
}
