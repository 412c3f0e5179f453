package dev.clausewise.api;

import dev.clausewise.analysis.Progress;
import dev.clausewise.query.QueryError;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import dev.clausewise.wire.WireReader;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * What one client may make the service compute: a limit on analysis jobs running at once (429 with Retry-After
 * beyond it), and per job a wall-time budget and a question-class budget, each refused with an error naming it.
 * A job whose client closed the connection stops at its next step and frees its place.
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
        private volatile boolean clientGone;
        private ChannelFuture closed;
        private ChannelFutureListener onClose;

        private Job(String what) {
            this.what = what;
        }

        /** Marks the job cancelled once the request's connection closes. */
        private void watch(HttpRequest<?> request) {
            if (request instanceof NettyHttpRequest<?> netty) {
                closed = netty.getChannelHandlerContext().channel().closeFuture();
                onClose = f -> clientGone = true;
                closed.addListener(onClose);
            }
        }

        /** Stops the job (from inside the analysis, on its next step) once a budget is spent. */
        Progress progress() {
            return new Progress() {
                @Override
                public void update(long done, long total) {
                    if (total > maxClasses) {
                        throw new ProblemException(Problem.of("body", "question_budget_exceeded",
                                what + " would explore " + total + " question classes; the budget clausewise.analysis.max-question-classes is " + maxClasses,
                                "narrow the policies, or raise clausewise.analysis.max-question-classes"));
                    }
                    check();
                }

                @Override
                public void step() {
                    check();
                }
            };
        }

        /** Throws once the job's wall-time budget is spent, or its client went away. */
        void check() {
            if (clientGone) {
                throw new ProblemException(Problem.of("request", "client_gone", what + " was cancelled: the client closed the connection", null));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ProblemException(Problem.of("request", "time_budget_exceeded",
                        what + " took longer than the budget clausewise.analysis.max-seconds (" + maxNanos / 1_000_000_000L + " s) and was stopped",
                        "narrow the question, or raise clausewise.analysis.max-seconds"));
            }
        }

        @Override
        public void close() {
            if (closed != null) {
                // A keep-alive connection outlives the job: its listener must not pile up there.
                closed.removeListener(onClose);
            }
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

    /** {@link #start(String)}, cancelled at its next step once the client of {@code request} closes the connection. */
    Job start(String what, HttpRequest<?> request) {
        Job job = start(what);
        job.watch(request);
        return job;
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
