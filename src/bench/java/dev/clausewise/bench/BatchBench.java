package dev.clausewise.bench;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch path in process: PolicyCatalog.decideAll over the engine benchmark's questions, on every core.
 * One operation is one decision, so the score is decisions per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchBench {
    private PolicyCatalog catalog;
    private List<Query> questions;

    @Setup
    public void setup() {
        catalog = Bundled.open();
        questions = Questions.generate(catalog, Bundled.IDS, EngineBench.QUESTIONS, Questions.SEED, true);
        Bundled.requireAnswered(catalog, questions);
    }

    @Benchmark
    @OperationsPerInvocation(EngineBench.QUESTIONS)
    public List<Answer> decideAllNoTrail() {
        return catalog.decideAll(questions, Explain.NONE);
    }
}
