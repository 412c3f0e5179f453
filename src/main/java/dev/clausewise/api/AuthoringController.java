package dev.clausewise.api;

import dev.clausewise.api.AuthoringBodies.Report;
import dev.clausewise.api.AuthoringBodies.ScenarioRun;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.check.PolicyChecker;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.ScenarioLoader;
import dev.clausewise.scenario.ScenarioRunner;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Authoring over REST: validate YAML, run scenarios, and replace a policy (bearer token required). */
@Tag(name = "authoring")
@Controller
final class AuthoringController {
    private static final Logger LOG = LoggerFactory.getLogger(AuthoringController.class);
    private static final String YAML = "application/yaml";

    private final PolicyCatalog catalog;
    private final Metrics metrics;
    private final String token;
    private final AnalysisBudget budget;

    AuthoringController(PolicyCatalog catalog, Metrics metrics, @Value("${clausewise.authoring.token:}") String token, AnalysisBudget budget) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.token = token;
        this.budget = budget;
    }

    @Operation(summary = "Validate policy YAML", description = "Load, check, compile and build the YAML without serving it; quotes are proven against the served document of that id.")
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "200", description = "whether the YAML builds, and its diagnostics", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @ApiResponse(responseCode = "400", description = "an empty body or an invalid id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @AnalysisProblems
    @Post(value = "/v1/policies/validate", consumes = {YAML, MediaType.TEXT_PLAIN, "text/yaml"}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    Report validate(HttpRequest<?> request, @Body String yaml, @Nullable @QueryValue String id) throws IOException {
        String body = required(yaml);
        if (id != null) {
            validId("id", id);
        }
        try (AnalysisBudget.Job job = budget.start("validate", request)) {
            return Report.of(catalog.check(id == null ? policyId(body) : id, body, job::check));
        }
    }

    @Operation(summary = "Replace a policy", description = "Validate, compile and swap in the YAML; the file is written atomically. Needs the bearer token. "
            + "A client that closes the connection before the swap cancels it: nothing is written.")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "200", description = "the policy was swapped in", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)))
    @ApiResponse(responseCode = "400", description = "an empty body or an invalid id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "the bearer token is missing or wrong", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "authoring is off: no clausewise.authoring.token is configured", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "the YAML does not build; nothing was written", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Report.class)))
    @ApiResponse(responseCode = "429", description = "clausewise.analysis.max-concurrent analyses run already; retry after Retry-After seconds; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "the build took longer than clausewise.analysis.max-seconds; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Put(value = "/v1/policies/{id}", consumes = {YAML, MediaType.TEXT_PLAIN, "text/yaml"}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    HttpResponse<Report> replace(HttpRequest<?> request, @PathVariable String id, @Body String yaml, @Nullable @Header("Authorization") String authorization)
            throws IOException {
        if (token.isEmpty()) {
            throw new ProblemException(Problem.of("Authorization", "authoring_disabled", "authoring over REST is disabled",
                    "configure clausewise.authoring.token (env CLAUSEWISE_AUTHORING_TOKEN) to enable it"));
        }
        if (authorization == null || !constantTimeEquals(authorization, "Bearer " + token)) {
            throw new ProblemException(Problem.of("Authorization", "unauthorized", "a valid bearer token is required", "send Authorization: Bearer <token>"));
        }
        validId("id", id);
        PolicyBuild b;
        // The build is the costly part of a replace: it takes an analysis place, and a client gone before the write has nothing written.
        try (AnalysisBudget.Job job = budget.start("replace", request)) {
            b = catalog.replace(id, required(yaml), job::check);
        }
        metrics.reloaded(id, b.ok());
        if (!b.ok()) {
            LOG.warn("refused upload of policy {}: {}", id, b.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
            return HttpResponse.<Report>status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(ErrorHandlers.PROBLEM_JSON).body(Report.of(b));
        }
        LOG.info("policy {} replaced over REST: {}", id, b.policy().get().ref().version());
        return HttpResponse.ok(Report.of(b));
    }

    @Operation(summary = "Run scenarios", description = "A scenario YAML in, PASS/FAIL per scenario out.")
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = "bearer")
    @ApiResponse(responseCode = "200", description = "PASS, FAIL or ERROR per scenario", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScenarioRun.class)))
    @ApiResponse(responseCode = "400", description = "an empty body or a scenario file that does not load", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @AnalysisProblems
    @Post(value = "/v1/scenarios/run", consumes = {YAML, MediaType.TEXT_PLAIN, "text/yaml"}, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(AnalysisBudget.EXECUTOR)
    ScenarioRun run(HttpRequest<?> request, @Body String yaml) {
        try (AnalysisBudget.Job job = budget.start("scenarios", request)) {
            return runScenarios(yaml, job);
        }
    }

    private ScenarioRun runScenarios(String yaml, AnalysisBudget.Job job) {
        Diagnostics d = new Diagnostics();
        Optional<ScenarioFile> file = ScenarioLoader.load("scenarios.yaml", required(yaml), d);
        if (file.isEmpty()) {
            Problem e = Problem.of("invalid_scenarios", "the scenario file does not load",
                    d.sorted().stream().map(x -> new dev.clausewise.query.QueryError(x.location().toString(), x.code(), x.message(), x.help())).toList());
            throw new ProblemException(e);
        }
        return ScenarioRun.of(new ScenarioRunner(catalog).run(file.get(), job.progress()));
    }

    /** Refuses an id from a request that is not a policy id, before any path is built from it. */
    static String validId(String field, String id) {
        if (!PolicyChecker.POLICY_ID.matcher(id).matches()) {
            throw new ProblemException(Problem.of(field, "invalid_id", "`" + LogText.clip(id) + "` is not a valid policy id",
                    "lowercase letters, digits, - and _, at most 40: " + PolicyChecker.POLICY_ID.pattern()));
        }
        return id;
    }

    static String required(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new ProblemException(Problem.of("body", "empty_body", "the request has no body", "send the YAML as the body"));
        }
        return yaml;
    }

    /** The id the YAML names, for finding the document its quotes are proven against. */
    static String policyId(String yaml) {
        return required(yaml).lines().filter(l -> l.startsWith("policy:")).map(l -> l.substring(7).trim().replace("\"", "").replace("'", ""))
                .findFirst().orElse("unnamed");
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
