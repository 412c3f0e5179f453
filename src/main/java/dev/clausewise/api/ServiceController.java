package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.decisionlog.SinkHealth;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health (liveness, readiness, each policy's version and any refused version), metrics and the vocabulary. */
@Tag(name = "service")
@Controller
final class ServiceController {
    private final PolicyCatalog catalog;
    private final Metrics metrics;
    private final Optional<DecisionSink> sink;

    ServiceController(PolicyCatalog catalog, Metrics metrics, Optional<DecisionSink> sink) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.sink = sink;
    }

    @Operation(summary = "This OpenAPI document, as application/yaml")
    @Get(value = "/openapi.yaml", produces = "application/yaml")
    HttpResponse<String> openapi() throws IOException {
        try (InputStream in = ServiceController.class.getClassLoader().getResourceAsStream("META-INF/swagger/clausewise-v1.yml")) {
            if (in == null) {
                throw new ProblemException(Problem.of("path", "not_found", "the OpenAPI document is not in this build", null));
            }
            return HttpResponse.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contentType("application/yaml");
        }
    }

    @Operation(summary = "Prometheus metrics")
    @Get(value = "/metrics", produces = "text/plain; version=0.0.4")
    HttpResponse<String> metrics() {
        return HttpResponse.ok(metrics.render() + sink.map(s -> SinkMetrics.render(s.health())).orElse("")).contentType("text/plain; version=0.0.4; charset=utf-8");
    }

    @Operation(summary = "Liveness, readiness and each policy's version", description = "Refused versions with their diagnostics.")
    @Get(value = "/health", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> health() {
        Map<String, Object> policies = new LinkedHashMap<>();
        catalog.policies().forEach((id, p) -> policies.put(id, Map.of("version", p.ref().version(), "digest", p.ref().digest())));
        Map<String, List<String>> refused = new LinkedHashMap<>();
        catalog.refusals().forEach((id, ds) -> refused.put(id, ds.stream().filter(Diagnostic::isError).map(Diagnostic::format).toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<SinkHealth> log = sink.map(DecisionSink::health);
        body.put("status", catalog.policies().isEmpty() ? "DOWN" : log.filter(h -> !h.up()).isPresent() ? "DEGRADED" : "UP");
        body.put("live", true);
        body.put("ready", !catalog.policies().isEmpty());
        body.put("policies", policies);
        body.put("refused", refused);
        body.put("decisionLog", log.orElse(null));
        return PolicyController.json(body);
    }

    @Operation(summary = "Every key and alias per dimension")
    @Get(value = "/v1/vocabulary", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> vocabulary() {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            if (!d.isRegional()) {
                var tree = catalog.vocabulary().tree(d);
                body.put(d.key(), Map.of("keys", new java.util.TreeMap<>(tree.keys()), "aliases", new java.util.TreeMap<>(tree.aliases())));
            }
        }
        body.put("region", Map.of("groups", new java.util.TreeMap<>(catalog.vocabulary().regions().names()),
                "note", "every ISO 3166-1 alpha-2 code and ISO 3166-2 subdivision; FR is in EU, EEA, EUROPE and ANY"));
        return PolicyController.json(body);
    }
}
