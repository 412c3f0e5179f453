package dev.clausewise.api;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.decisionlog.DecisionRecord;
import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Answers questions for the controllers, counting them and appending each decision to the log. */
@Singleton
final class DecisionService {
    private final PolicyCatalog catalog;
    private final Metrics metrics;
    private final Optional<DecisionSink> sink;

    DecisionService(PolicyCatalog catalog, Metrics metrics, Optional<DecisionSink> sink) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.sink = sink;
    }

    Answer decide(Query query, Explain explain) {
        long start = System.nanoTime();
        Answer answer = catalog.decide(query, explain);
        if (answer instanceof Answer.Answered a) {
            metrics.decided(a.decision().policy().id(), a.decision().outcome(), System.nanoTime() - start);
            sink.ifPresent(s -> s.append(DecisionRecord.of(query, a.decision())));
        }
        return answer;
    }

    Optional<String> logged(String decisionId) {
        return sink.flatMap(s -> s.find(decisionId));
    }

    boolean logging() {
        return sink.isPresent();
    }
}
