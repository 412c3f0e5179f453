package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.decisionlog.SinkHealth;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.vocabulary.Dimension;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health (liveness, readiness, each policy's version and any refused version), metrics and the vocabulary. */
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

    @Get(value = "/metrics", produces = "text/plain; version=0.0.4")
    HttpResponse<String> metrics() {
        return HttpResponse.ok(metrics.render() + sink.map(s -> SinkMetrics.render(s.health())).orElse("")).contentType("text/plain; version=0.0.4; charset=utf-8");
    }

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
