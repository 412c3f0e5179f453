package dev.clausewise.decisionlog;

import java.util.Optional;

/** Where decision records go. Appends never block the request path for long and never throw. */
public interface DecisionSink extends AutoCloseable {
    void append(DecisionRecord record);

    /** One record back by decision id, where the sink can read (the file sink can; a stream sink cannot). Bounded in time. */
    Optional<String> find(String decisionId);

    /** Whether records are being kept, and what was lost. */
    SinkHealth health();

    @Override
    void close();
}
