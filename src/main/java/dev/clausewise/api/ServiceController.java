package dev.clausewise.api;

import dev.clausewise.api.HealthBodies.Health;
import dev.clausewise.api.HealthBodies.PolicyVersion;
import dev.clausewise.api.HealthBodies.Probe;
import dev.clausewise.api.PolicyBodies.VocabularyView;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.decisionlog.SinkHealth;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health (liveness, readiness, each policy's version and any refused version), metrics and the vocabulary. */
@Tag(name = "service")
@SecurityRequirement(name = "")
@Controller
final class ServiceController {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";
    private final PolicyCatalog catalog;
    private final PrometheusMeterRegistry prometheus;
    private final Optional<DecisionSink> sink;

    private final boolean readinessNeedsLog;

    ServiceController(PolicyCatalog catalog, PrometheusMeterRegistry prometheus, Optional<DecisionSink> sink,
                      @Value("${clausewise.health.readiness.decision-log:true}") boolean readinessNeedsLog) {
        this.catalog = catalog;
        this.prometheus = prometheus;
        this.sink = sink;
        this.readinessNeedsLog = readinessNeedsLog;
    }

    @Operation(summary = "This OpenAPI document, as application/yaml")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/openapi.yaml", produces = "application/yaml")
    HttpResponse<String> openapi() throws IOException {
        try (InputStream in = ServiceController.class.getClassLoader().getResourceAsStream("META-INF/swagger/clausewise-v1.yml")) {
            if (in == null) {
                throw new ProblemException(Problem.of("path", "not_found", "the OpenAPI document is not in this build", null));
            }
            return HttpResponse.ok(OpenApiDocument.served(new String(in.readAllBytes(), StandardCharsets.UTF_8))).contentType("application/yaml");
        }
    }

    @Operation(summary = "Prometheus metrics", description = "HTTP requests by route and status, JVM and process, decisions, reloads, decision log.")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/metrics", produces = PROMETHEUS_TEXT)
    HttpResponse<String> metrics() {
        return HttpResponse.ok(prometheus.scrape()).contentType(PROMETHEUS_TEXT + "; charset=utf-8");
    }

    @Operation(summary = "Liveness, readiness and each policy's version", description = "Refused versions with their diagnostics; always 200 (the probes are /health/liveness and /health/readiness).")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/health", produces = MediaType.APPLICATION_JSON)
    Health health() {
        Map<String, PolicyVersion> policies = new LinkedHashMap<>();
        catalog.policies().forEach((id, p) -> policies.put(id, new PolicyVersion(p.ref().version(), p.ref().digest())));
        Map<String, List<String>> refused = new LinkedHashMap<>();
        catalog.refusals().forEach((id, ds) -> refused.put(id, ds.stream().filter(Diagnostic::isError).map(Diagnostic::format).toList()));
        Optional<SinkHealth> log = sink.map(DecisionSink::health);
        String status = catalog.policies().isEmpty() ? "DOWN" : log.filter(h -> !h.up()).isPresent() ? "DEGRADED" : "UP";
        return new Health(status, true, notReady().isEmpty(), policies, refused, log.map(DecisionLogHealth::of).orElse(null));
    }

    @Operation(summary = "Liveness probe: 200 while the process serves HTTP")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/health/liveness", produces = MediaType.APPLICATION_JSON)
    Probe liveness() {
        return new Probe("UP", List.of());
    }

    @Operation(summary = "Readiness probe: 503 while no policy is loaded or the decision log sink is down",
            description = "The sink's state counts unless clausewise.health.readiness.decision-log is false.")
    @ApiResponse(responseCode = "200", description = "ready", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Probe.class)))
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "not ready, with the reasons", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Probe.class)))
    @Get(value = "/health/readiness", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Probe> readiness() {
        List<String> reasons = notReady();
        return reasons.isEmpty() ? HttpResponse.ok(new Probe("UP", reasons))
                : HttpResponse.<Probe>status(HttpStatus.SERVICE_UNAVAILABLE).body(new Probe("DOWN", reasons));
    }

    /** Why the service should get no traffic now; empty when it is ready. */
    private List<String> notReady() {
        List<String> reasons = new ArrayList<>();
        if (catalog.policies().isEmpty()) {
            reasons.add("no policy is loaded");
        }
        if (readinessNeedsLog) {
            sink.map(DecisionSink::health).filter(h -> h.status() == SinkHealth.Status.DOWN).ifPresent(h ->
                    reasons.add("the decision log sink " + h.sink() + " is down" + (h.lastError() == null ? "" : ": " + h.lastError())));
        }
        return reasons;
    }

    @Operation(summary = "Every key and alias per dimension")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "200", description = "the vocabulary")
    @Get(value = "/v1/vocabulary", produces = MediaType.APPLICATION_JSON)
    VocabularyView vocabulary() {
        return VocabularyView.of(catalog.vocabulary());
    }
}
