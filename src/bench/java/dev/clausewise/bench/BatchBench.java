package dev.clausewise.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The batch path in process: PolicyCatalog.decideAll (what `decide --batch` and POST /v1/decisions/batch call) over
 * {@link #BATCH} distinct questions of the engine benchmark's kind over the five policies, on every core. One
 * operation is one decision, so the score is decisions per second. After setup every class is in the memo.
 * {@link #main} writes the same questions as JSON Lines for `bench/run batch` to time `decide --batch` with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class BatchBench {
    public static final int BATCH = 100_000;

    private PolicyCatalog catalog;
    private List<Query> questions;

    static List<Query> questions(PolicyCatalog catalog) {
        List<Query> qs = Questions.generate(catalog, Bundled.IDS, BATCH, Questions.SEED, true);
        for (Answer a : catalog.decideAll(qs, Explain.NONE)) {
            if (a instanceof Answer.Rejected r) {
                throw new IllegalStateException("question rejected (" + r.code() + " " + r.errors() + ")");
            }
        }
        return qs;
    }

    /** Every question asked at both trail levels (the memo keys on it), so both benchmarks measure the steady state. */
    @Setup
    public void setup() {
        catalog = Bundled.open();
        questions = questions(catalog);
        catalog.decideAll(questions, Explain.FULL);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Answer> decideAllNoTrail() {
        return catalog.decideAll(questions, Explain.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Answer> decideAllFullTrail() {
        return catalog.decideAll(questions, Explain.FULL);
    }

    /** Writes the {@link #BATCH} questions, one POST /v1/decisions body per line, to the file named by the argument. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        List<Query> qs = questions(Bundled.open());
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Query q : qs) {
                out.write(json.writeValueAsString(q));
                out.write('\n');
            }
        }
        System.out.printf("%d questions over %s written to %s%n", qs.size(), String.join(", ", Bundled.IDS), file);
    }
}
