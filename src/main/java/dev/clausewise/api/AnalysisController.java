package dev.clausewise.api;

import dev.clausewise.analysis.Compare;
import dev.clausewise.analysis.DiffReport;
import dev.clausewise.analysis.Lint;
import dev.clausewise.analysis.PolicyDiff;
import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryError;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Suggestions;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.wire.CompareMatrix;
import dev.clausewise.wire.CompareTable;
import dev.clausewise.wire.Comparison;
import dev.clausewise.wire.DiffRequest;
import dev.clausewise.wire.DiffResponse;
import dev.clausewise.wire.LintResponse;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import dev.clausewise.wire.QueryField;
import dev.clausewise.wire.QueryFields;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Authoring analysis: lint with witness questions, the semantic diff of two policies, one question across policies. */
@Tag(name = "analysis")
@Controller
final class AnalysisController {
    private static final String YAML = "application/yaml";
    /** One operation in the document, two methods here: JSON ids and multipart uploads. */
    private static final String DIFF = "Every question whose answer changes from `a` to `b`, grouped into general changes with both sides' reasons. "
            + "JSON: {\"a\": \"<policy id>\", \"b\": \"<policy id>\"} of served policies; multipart: parts `a` and `b`, each a policy "
            + "YAML built against the served document of the policy it names.";

    private final PolicyCatalog catalog;
    private final AnalysisBudget budget;

    AnalysisController(PolicyCatalog catalog, AnalysisBudget budget) {
        this.catalog = catalog;
        this.budget = budget;
    }

    @Operation(summary = "Lint policy YAML",
            description = "Conflicts, shadowed statements, override cycles, quotes cited with opposite effects and missing cites, "
                    + "each at file:line:col with a code and a witness question the engine answers. Quotes are proven against the "
                    + "served document of the policy the YAML names (or of `id`).")
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "400", description = "an empty body or an invalid id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @AnalysisProblems
    @AnalysisProblems.QuestionSpace
    @ApiResponse(responseCode = "200", description = "the findings")
    @Post(value = "/v1/policies/lint", consumes = {YAML, MediaType.TEXT_PLAIN, "text/yaml"}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    LintResponse lint(HttpRequest<?> request, @Body String yaml, @Nullable @QueryValue String id) throws IOException {
        String body = AuthoringController.required(yaml);
        String policy = id == null ? AuthoringController.policyId(body) : id;
        AuthoringController.validId("id", policy);
        try (AnalysisBudget.Job job = budget.start("lint", request)) {
            return LintResponse.of(new Lint(catalog.vocabulary()).lint(catalog, policy, body, job.progress()));
        }
    }

    @Operation(summary = "Semantic diff of two policies", description = DIFF)
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "400", description = "a malformed body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "`a` or `b` is not a loaded policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @AnalysisProblems
    @AnalysisProblems.QuestionSpace
    @ApiResponse(responseCode = "200", description = "the changes")
    @Post(value = "/v1/diff", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    DiffResponse diff(HttpRequest<?> request, @Body DiffRequest body) {
        LoadedPolicy a = served(body.a(), "a");
        LoadedPolicy b = served(body.b(), "b");
        try (AnalysisBudget.Job job = budget.start("diff", request)) {
            return reply(PolicyDiff.diff(a, b, catalog.vocabulary(), job.progress()));
        }
    }

    @Operation(summary = "Semantic diff of two policies", description = DIFF)
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "400", description = "a part is missing or is not a policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @AnalysisProblems
    @AnalysisProblems.QuestionSpace
    @ApiResponse(responseCode = "200", description = "the changes")
    @Post(value = "/v1/diff", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    DiffResponse diffUploads(HttpRequest<?> request, @Part("a") String a, @Part("b") String b) throws IOException {
        try (AnalysisBudget.Job job = budget.start("diff", request)) {
            LoadedPolicy left = uploaded("a", a, job);
            LoadedPolicy right = uploaded("b", b, job);
            job.check();
            return reply(PolicyDiff.diff(left, right, catalog.vocabulary(), job.progress()));
        }
    }

    @Operation(summary = "One question across all policies, or one policy over two dimensions",
            description = "Without `policy`: each loaded policy's outcome, conditions and deciding quote for the question. With `policy`, "
                    + "`rows` and `cols` (two of practice, data, recipient, purpose, subject, region, destination): that policy's outcome for "
                    + "each pair of keys its statements name.")
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "400", description = "an unknown key or a malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "matrix mode: `policy` is not a loaded policy", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @AnalysisProblems
    @AnalysisProblems.QuestionSpace
    @ApiResponse(responseCode = "200", description = "a table without `policy`, a matrix with it")
    @Get(value = "/v1/compare", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    Comparison compare(HttpRequest<?> request,
                                 @Parameter(description = "matrix mode: the policy") @Nullable @QueryValue String policy,
                                 @Parameter(description = "practice key or alias, e.g. share") @Nullable @QueryValue String practice,
                                 @Parameter(description = "data category, e.g. user.contact") @Nullable @QueryValue String data,
                                 @Parameter(description = "recipient key or alias") @Nullable @QueryValue String recipient,
                                 @Nullable @QueryValue String purpose, @Nullable @QueryValue String subject,
                                 @Parameter(description = "ISO 3166 code or group, e.g. FR") @Nullable @QueryValue String region,
                                 @Nullable @QueryValue String destination, @Nullable @QueryValue String consent,
                                 @Parameter(schema = @Schema(type = "boolean")) @Nullable @QueryValue String optedOut, @Nullable @QueryValue String identifiability,
                                 @Parameter(schema = @Schema(type = "integer")) @Nullable @QueryValue String age,
                                 @Parameter(schema = @Schema(type = "boolean")) @Nullable @QueryValue String legalProcess,
                                 @Parameter(schema = @Schema(type = "boolean")) @Nullable @QueryValue String doNotTrack,
                                 @Parameter(description = "matrix mode: the dimension of the rows") @Nullable @QueryValue String rows,
                                 @Parameter(description = "matrix mode: the dimension of the columns") @Nullable @QueryValue String cols) {
        // The parameters above document the operation; they are read, each as its field's type, from QueryFields.
        List<QueryError> errors = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        List<String> allowed = new ArrayList<>(List.of("rows", "cols"));
        for (QueryField f : QueryFields.flat()) {
            allowed.add(f.name());
            parameter(request, f, errors).ifPresent(v -> values.put(f.name(), v));
        }
        for (String name : request.getParameters().names()) {
            request.getParameters().getAll(name).forEach(v -> AnalysisBudget.bounded(name, v, errors));
            if (!allowed.contains(name)) {
                errors.add(new QueryError(LogText.clip(name), "unknown_field", "unknown parameter `" + LogText.clip(name) + "`",
                        Optional.ofNullable(Suggestions.didYouMean(name, allowed)).orElse("allowed: " + String.join(", ", allowed.stream().sorted().toList()))));
            }
        }
        Query q = QueryFields.query(values);
        boolean matrix = policy != null || rows != null || cols != null;
        Optional<Dimension> r = axis("rows", rows, matrix, errors);
        Optional<Dimension> c = axis("cols", cols, matrix, errors);
        if (matrix && policy == null) {
            errors.add(new QueryError("policy", "missing_field", "a matrix needs `policy`", "one of " + String.join(", ", catalog.policies().keySet())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(errors.get(0).code(), errors.get(0).message(), errors));
        }
        try (AnalysisBudget.Job job = budget.start("compare", request)) {
            return matrix ? answered(Compare.matrix(catalog, q, r.get(), c.get(), job.progress())).map(CompareMatrix::of).orElseThrow()
                    : answered(Compare.question(catalog, q, job.progress())).map(CompareTable::of).orElseThrow();
        }
    }

    /** The comparison, or the problem of the question it could not ask. */
    private static <T> Optional<T> answered(Compare.Result<T> result) {
        if (result.value().isEmpty()) {
            Answer.Rejected rejected = result.rejected();
            throw new ProblemException(Problem.of(rejected.code(), rejected.message(), rejected.errors()));
        }
        return result.value();
    }

    /** The report with at most clausewise.analysis.max-changes changes, and how many there were in all. */
    private DiffResponse reply(DiffReport r) {
        return DiffResponse.of(r, budget.bounded(r.changes()));
    }

    private Optional<Dimension> axis(String field, String value, boolean matrix, List<QueryError> errors) {
        if (!matrix) {
            return Optional.empty();
        }
        Optional<Dimension> d = Compare.dimension(value);
        if (d.isEmpty()) {
            List<String> names = Dimension.MATCHED.stream().map(Dimension::key).toList();
            errors.add(new QueryError(field, value == null ? "missing_field" : "invalid_value",
                    value == null ? "a matrix needs `" + field + "`" : "`" + value + "` is not a dimension",
                    Optional.ofNullable(value == null ? null : Suggestions.didYouMean(value, names)).orElse("one of " + String.join(", ", names))));
        }
        return d;
    }

    /** A query parameter read as its field's type: `optedOut=yes` is a wrong type naming the parameter. */
    private static Optional<Object> parameter(HttpRequest<?> request, QueryField f, List<QueryError> errors) {
        Optional<String> v = request.getParameters().getFirst(f.name());
        if (v.isEmpty() || f.type() == QueryField.Type.TEXT) {
            return v.map(x -> x);
        }
        try {
            return Optional.of(switch (f.type()) {
                case BOOLEAN -> switch (v.get()) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case INTEGER -> Integer.valueOf(v.get());
                case TEXT -> v.get();
            });
        } catch (IllegalArgumentException e) {
            errors.add(new QueryError(f.name(), "wrong_type", "`" + f.name() + "` must be " + f.type().expected().replace(" or null", ""), null));
            return Optional.empty();
        }
    }

    private LoadedPolicy served(String id, String field) {
        if (id == null) {
            throw new ProblemException(Problem.of(field, "missing_field", "`" + field + "` must be a policy id",
                    "one of " + String.join(", ", catalog.policies().keySet())));
        }
        return catalog.policy(id).orElseThrow(() -> new ProblemException(Problem.of(field, "unknown_policy",
                "no policy `" + id + "` is loaded", Optional.ofNullable(Suggestions.didYouMean(id, catalog.policies().keySet()))
                        .orElse("loaded policies: " + String.join(", ", catalog.policies().keySet())))));
    }

    /** An uploaded policy built as validate builds it; one that does not build is a 422 naming the part and every error. */
    private LoadedPolicy uploaded(String part, String yaml, AnalysisBudget.Job job) throws IOException {
        String body = AuthoringController.required(yaml);
        PolicyBuild b = catalog.check(AuthoringController.policyId(body), body, job::check);
        if (!b.ok()) {
            List<QueryError> errors = b.diagnostics().stream().filter(Diagnostic::isError)
                    .map(d -> new QueryError(part, d.code(), d.location() + ": " + d.message(), d.help())).toList();
            throw new ProblemException(Problem.of("invalid_policy", "policy `" + part + "` does not build", errors));
        }
        return b.policy().get();
    }
}
