package dev.clausewise.decisionlog;

import dev.clausewise.explain.Decision;
import dev.clausewise.query.Query;
import java.time.Instant;
import java.util.List;

/** What the log keeps of one decision: enough to audit it and to replay the question. */
public record DecisionRecord(String id, String time, Query query, String outcome, List<String> reason, String policy,
                             String version, String digest) {
    public DecisionRecord {
        reason = List.copyOf(reason);
    }

    public static DecisionRecord of(Query query, Decision d) {
        return new DecisionRecord(d.decisionId(), Instant.now().toString(), query, d.outcome(), d.reason(),
                d.policy().id(), d.policy().version(), d.policy().digest());
    }
}
