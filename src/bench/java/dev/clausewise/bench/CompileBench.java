package dev.clausewise.bench;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Compiling one policy warm: load, check, compile to DRL and build the KieBase (PolicyBuilder.build). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class CompileBench {
    @Param({"mixpanel"})
    public String policy;

    private PolicyBuilder builder;

    @Setup
    public void setup() {
        builder = Bundled.open().builder();
    }

    @Benchmark
    public PolicyBuild compileOnePolicy() {
        PolicyBuild b = builder.build(Bundled.POLICIES.resolve(policy));
        if (!b.ok()) {
            throw new IllegalStateException(policy + " does not build: " + b.diagnostics());
        }
        return b;
    }
}
