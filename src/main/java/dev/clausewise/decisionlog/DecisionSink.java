package dev.clausewise.decisionlog;

import java.util.Optional;

/** Where decision records go. Appends must not block the request path for long. */
public interface DecisionSink extends AutoCloseable {
    void append(DecisionRecord record);

    /** One record back by decision id, where the sink can read (the file sink can; a stream sink cannot). */
    Optional<String> find(String decisionId);

    @Override
    void close();
}
