package dev.clausewise.api;

import dev.clausewise.analysis.Progress;
import dev.clausewise.query.QueryError;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import dev.clausewise.wire.WireReader;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * What one client may make the service compute: a limit on analysis jobs running at once (429 with Retry-After
 * beyond it), and per job a wall-time budget and a question-class budget, each refused with an error naming it.
 */
@Singleton
final class AnalysisBudget {
    /** The bounded executor analysis and authoring run on (configured under micronaut.executors). */
    static final String EXECUTOR = "analysis";
    /** The bounded executor for batches and decision-log read-back. */
    static final String REQUESTS = "requests";

    private final Semaphore running;
    private final int maxConcurrent;
    private final long maxNanos;
    private final long maxClasses;
    private final int maxChanges;

    AnalysisBudget(@Value("${clausewise.analysis.max-concurrent:2}") int maxConcurrent,
                   @Value("${clausewise.analysis.max-seconds:60}") long maxSeconds,
                   @Value("${clausewise.analysis.max-question-classes:2000000}") long maxClasses,
                   @Value("${clausewise.analysis.max-changes:200}") int maxChanges) {
        this.maxConcurrent = maxConcurrent;
        this.running = new Semaphore(maxConcurrent);
        this.maxNanos = maxSeconds * 1_000_000_000L;
        this.maxClasses = maxClasses;
        this.maxChanges = maxChanges;
    }

    /** A running job; closing it frees its place. */
    final class Job implements AutoCloseable {
        private final long deadline = System.nanoTime() + maxNanos;
        private final String what;

        private Job(String what) {
            this.what = what;
        }

        /** Stops the job (from inside the analysis, on its next step) once a budget is spent. */
        Progress progress() {
            return (done, total) -> {
                if (total > maxClasses) {
                    throw new ProblemException(Problem.of("body", "question_budget_exceeded",
                            what + " would explore " + total + " question classes; the budget clausewise.analysis.max-question-classes is " + maxClasses,
                            "narrow the policies, or raise clausewise.analysis.max-question-classes"));
                }
                check();
            };
        }

        /** Throws once the job's wall-time budget is spent. */
        void check() {
            if (System.nanoTime() - deadline > 0) {
                throw new ProblemException(Problem.of("request", "time_budget_exceeded",
                        what + " took longer than the budget clausewise.analysis.max-seconds (" + maxNanos / 1_000_000_000L + " s) and was stopped",
                        "narrow the question, or raise clausewise.analysis.max-seconds"));
            }
        }

        @Override
        public void close() {
            running.release();
        }
    }

    /** Starts a job, or refuses it with 429 when {@code clausewise.analysis.max-concurrent} jobs run already. */
    Job start(String what) {
        if (!running.tryAcquire()) {
            throw new ProblemException(Problem.of("request", "too_many_analyses",
                    maxConcurrent + " analysis jobs are running, the limit clausewise.analysis.max-concurrent", "retry after the Retry-After delay"));
        }
        return new Job(what);
    }

    /** At most {@code clausewise.analysis.max-changes} items; the reply says how many there were. */
    <T> List<T> bounded(List<T> items) {
        return items.size() <= maxChanges ? items : List.copyOf(items.subList(0, maxChanges));
    }

    /** A query parameter's value, refused as `value_too_long` when longer than a question field may be. */
    static void bounded(String name, String value, List<QueryError> errors) {
        WireReader.bounded(name, value, errors);
    }

    int maxChanges() {
        return maxChanges;
    }
}
