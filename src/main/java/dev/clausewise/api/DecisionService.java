package dev.clausewise.api;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.decisionlog.DecisionRecord;
import dev.clausewise.decisionlog.DecisionSink;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import jakarta.inject.Singleton;
import java.util.List;
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
        record(query, answer, System.nanoTime() - start);
        return answer;
    }

    /** The answer when no engine evaluation is needed (a rejection or a memo hit), counted and logged; else empty. */
    Optional<Answer> decideKnown(Query query, Explain explain) {
        long start = System.nanoTime();
        Optional<Answer> answer = catalog.decideKnown(query, explain);
        answer.ifPresent(a -> record(query, a, System.nanoTime() - start));
        return answer;
    }

    /** Many questions through the catalog's batch path (every core), each counted and logged as one decision. */
    List<Answer> decideAll(List<Query> queries, List<Explain> levels) {
        long start = System.nanoTime();
        List<Answer> answers = catalog.decideAll(queries, levels);
        long each = queries.isEmpty() ? 0 : (System.nanoTime() - start) / queries.size();
        for (int i = 0; i < answers.size(); i++) {
            record(queries.get(i), answers.get(i), each);
        }
        return answers;
    }

    private void record(Query query, Answer answer, long nanos) {
        if (answer instanceof Answer.Answered a) {
            // The first answer of a starting service lets the rule builds it held run (idempotent, a volatile read after).
            PolicyBuilder.releaseBackgroundBuilds();
            metrics.decided(a.decision().policy().id(), a.decision().outcome(), nanos);
            sink.ifPresent(s -> s.append(DecisionRecord.of(query, a.decision())));
        }
    }

    Optional<String> logged(String decisionId) {
        return sink.flatMap(s -> s.find(decisionId));
    }

    boolean logging() {
        return sink.isPresent();
    }
}
