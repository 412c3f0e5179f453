package dev.clausewise.api;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters and a latency histogram in the Prometheus text format, without a metrics library on the hot path. */
@Singleton
final class Metrics {
    private static final double[] BUCKETS = {0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1};

    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();

    Metrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void decided(String policy, String outcome, long nanos) {
        decisions.computeIfAbsent("policy=\"" + policy + "\",outcome=\"" + outcome + "\"", k -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                buckets[i].increment();
            }
        }
        count.increment();
        sumNanos.add(nanos);
    }

    void reloaded(String policy, boolean accepted) {
        reloads.computeIfAbsent("policy=\"" + policy + "\",result=\"" + (accepted ? "accepted" : "refused") + "\"", k -> new LongAdder()).increment();
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP clausewise_decisions_total Decisions answered, by policy and outcome.\n# TYPE clausewise_decisions_total counter\n");
        new TreeMap<>(decisions).forEach((labels, n) -> b.append("clausewise_decisions_total{").append(labels).append("} ").append(n.sum()).append('\n'));
        b.append("# HELP clausewise_decision_seconds Time to answer one decision (normalize, evaluate, explain).\n# TYPE clausewise_decision_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            b.append("clausewise_decision_seconds_bucket{le=\"").append(BUCKETS[i]).append("\"} ").append(buckets[i].sum()).append('\n');
        }
        b.append("clausewise_decision_seconds_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
        b.append("clausewise_decision_seconds_sum ").append(sumNanos.sum() / 1e9).append('\n');
        b.append("clausewise_decision_seconds_count ").append(count.sum()).append('\n');
        b.append("# HELP clausewise_policy_reloads_total Policy reloads, accepted or refused (the last good version keeps serving).\n# TYPE clausewise_policy_reloads_total counter\n");
        new TreeMap<>(reloads).forEach((labels, n) -> b.append("clausewise_policy_reloads_total{").append(labels).append("} ").append(n.sum()).append('\n'));
        return b.toString();
    }
}
