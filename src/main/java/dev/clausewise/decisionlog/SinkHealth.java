package dev.clausewise.decisionlog;

/**
 * How a decision sink stands, for /health and /metrics: {@code UP}; {@code DEGRADED} once records were dropped
 * (the queue was full) while writes succeed; {@code DOWN} while writes fail (the sink retries) or its writer is gone.
 * Counters are since the process started.
 */
public record SinkHealth(String sink, Status status, long written, long failures, long dropped, int queued, String lastError) {
    public enum Status { UP, DEGRADED, DOWN }

    public boolean up() {
        return status == Status.UP;
    }
}
