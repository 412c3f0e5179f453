package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.decisionlog.SinkHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Clausewise's own meters in Micrometer's registry (HTTP, JVM and process meters come from micronaut-micrometer's
 * binders): decisions by policy and outcome with their latency, reloads, loaded and refused policies, and the
 * decision log sink's health read from {@link DecisionSink#health()} at each scrape. Created at startup so that
 * the gauges are there before the first decision.
 */
@Context
final class Metrics {
    /** Decision latency buckets: a memo hit takes microseconds, a cold evaluation milliseconds, a stuck one seconds. */
    private static final Duration[] LATENCY_BUCKETS = {
        micros(5), micros(10), micros(25), micros(50), micros(100), micros(250), micros(500),
        millis(1), millis(2.5), millis(5), millis(10), millis(25), millis(50), millis(100), millis(250), millis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    /** The meters of one policy and outcome, looked up without allocating once they exist. */
    private record Decided(Counter count, Timer latency) {
    }

    private final MeterRegistry registry;
    private final Map<String, Map<String, Decided>> decided = new ConcurrentHashMap<>();

    Metrics(MeterRegistry registry, PolicyCatalog catalog, Optional<DecisionSink> sink) {
        this.registry = registry;
        Gauge.builder("clausewise.policies.loaded", catalog, c -> c.policies().size())
                .description("Policies served now.").register(registry);
        Gauge.builder("clausewise.policies.refused", catalog, c -> c.refusals().size())
                .description("Policies (or vocabulary.yaml) whose latest version was refused; the last good version keeps serving.")
                .register(registry);
        sink.ifPresent(s -> sinkMeters(s, s.health().sink()));
    }

    private void sinkMeters(DecisionSink s, String name) {
        sinkCounter(s, name, "written", "Decision records the sink wrote (file) or the broker acknowledged (kafka).", SinkHealth::written);
        sinkCounter(s, name, "failures", "Failed writes or sends (each retried by the file sink).", SinkHealth::failures);
        sinkCounter(s, name, "dropped", "Decision records lost: the queue was full or the send failed without fallback.", SinkHealth::dropped);
        Gauge.builder("clausewise.decision.log.queued", s, x -> x.health().queued())
                .description("Decision records waiting to be written.").tag("sink", name).register(registry);
        Gauge.builder("clausewise.decision.log.up", s, x -> x.health().status() == SinkHealth.Status.DOWN ? 0 : 1)
                .description("1 when the sink writes, 0 while it fails.").tag("sink", name).register(registry);
    }

    private void sinkCounter(DecisionSink s, String name, String what, String description, ToDoubleFunction<SinkHealth> value) {
        FunctionCounter.builder("clausewise.decision.log." + what, s, x -> value.applyAsDouble(x.health()))
                .description(description).tag("sink", name).register(registry);
    }

    void decided(String policy, String outcome, long nanos) {
        Map<String, Decided> byOutcome = decided.get(policy);
        if (byOutcome == null) {
            byOutcome = decided.computeIfAbsent(policy, p -> new ConcurrentHashMap<>());
        }
        Decided d = byOutcome.get(outcome);
        if (d == null) {
            d = byOutcome.computeIfAbsent(outcome, o -> meters(policy, o));
        }
        d.count().increment();
        d.latency().record(nanos, TimeUnit.NANOSECONDS);
    }

    private Decided meters(String policy, String outcome) {
        return new Decided(
                Counter.builder("clausewise.decisions").description("Decisions answered, by policy and outcome.")
                        .tag("policy", policy).tag("outcome", outcome).register(registry),
                Timer.builder("clausewise.decision").description("Time to answer one decision (normalize, evaluate, explain).")
                        .tag("policy", policy).tag("outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
    }

    void reloaded(String policy, boolean accepted) {
        Counter.builder("clausewise.policy.reloads").description("Policy reloads, accepted or refused (the last good version keeps serving).")
                .tag("policy", policy).tag("result", accepted ? "accepted" : "refused").register(registry).increment();
    }

    private static Duration micros(long n) {
        return Duration.ofNanos(n * 1000);
    }

    private static Duration millis(double n) {
        return Duration.ofNanos((long) (n * 1_000_000));
    }
}
