package dev.clausewise.api;

import dev.clausewise.decisionlog.SinkHealth;

/** The decision sink's health in the Prometheus text format: records written, write failures, records dropped, queued. */
final class SinkMetrics {
    private SinkMetrics() {
    }

    static String render(SinkHealth h) {
        String l = "{sink=\"" + h.sink() + "\"}";
        return "# HELP clausewise_decision_log_written_total Decision records the sink wrote (file) or the broker acknowledged (kafka).\n"
                + "# TYPE clausewise_decision_log_written_total counter\nclausewise_decision_log_written_total" + l + " " + h.written() + "\n"
                + "# HELP clausewise_decision_log_failures_total Failed writes or sends (each retried by the file sink).\n"
                + "# TYPE clausewise_decision_log_failures_total counter\nclausewise_decision_log_failures_total" + l + " " + h.failures() + "\n"
                + "# HELP clausewise_decision_log_dropped_total Decision records lost: the queue was full or the send failed without fallback.\n"
                + "# TYPE clausewise_decision_log_dropped_total counter\nclausewise_decision_log_dropped_total" + l + " " + h.dropped() + "\n"
                + "# HELP clausewise_decision_log_queued Decision records waiting to be written.\n"
                + "# TYPE clausewise_decision_log_queued gauge\nclausewise_decision_log_queued" + l + " " + h.queued() + "\n"
                + "# HELP clausewise_decision_log_up 1 when the sink writes, 0 while it fails.\n"
                + "# TYPE clausewise_decision_log_up gauge\nclausewise_decision_log_up" + l + " " + (h.status() == SinkHealth.Status.DOWN ? 0 : 1) + "\n";
    }
}
