package dev.clausewise.testing;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The CPU seconds each test class costs the test JVM (all its threads: tests, servers, JIT, GC), written to
 * target/test-cpu/JVM-PID.tsv, most expensive first: the suite's time is judged by CPU because the machine it is
 * measured on is rarely quiet (docs/performance.md). Child processes (the jar, the broker, the browser) are not in it.
 */
public final class CpuReport implements TestExecutionListener {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The class's CPU in the whole JVM and in the thread that ran it (its serial part), and its wall time, in seconds. */
    private record Cost(String name, double cpu, double thread, double wall) {
    }

    // Per JVM, not per listener: surefire's forks run a test plan (and may load a listener) per class.
    private static final Map<String, long[]> STARTED = new ConcurrentHashMap<>();
    private static final List<Cost> COSTS = new ArrayList<>();
    private static final long[] FIRST = new long[2];

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        synchronized (FIRST) {
            if (FIRST[1] == 0) {
                FIRST[0] = OS.getProcessCpuTime();
                FIRST[1] = System.nanoTime();
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        topClass(id).ifPresent(name -> STARTED.put(id.getUniqueId(),
                new long[] {OS.getProcessCpuTime(), THREADS.getCurrentThreadCpuTime(), System.nanoTime()}));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        long[] start = STARTED.remove(id.getUniqueId());
        if (start != null) {
            synchronized (COSTS) {
                COSTS.add(new Cost(topClass(id).orElseThrow(), seconds(OS.getProcessCpuTime() - start[0]),
                        seconds(THREADS.getCurrentThreadCpuTime() - start[1]), seconds(System.nanoTime() - start[2])));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        StringBuilder out = new StringBuilder("cpu_s\tthread_cpu_s\twall_s\tclass\n");
        synchronized (COSTS) {
            COSTS.stream().sorted(Comparator.comparingDouble(Cost::cpu).reversed())
                    .forEach(c -> out.append(String.format("%.1f\t%.1f\t%.1f\t%s%n", c.cpu(), c.thread(), c.wall(), c.name())));
        }
        out.append(String.format("%.1f\t\t%.1f\tthe test JVM from its first test to its last%n",
                seconds(OS.getProcessCpuTime() - FIRST[0]), seconds(System.nanoTime() - FIRST[1])));
        try {
            Path dir = Files.createDirectories(Path.of("target/test-cpu"));
            Files.writeString(dir.resolve("JVM-" + ProcessHandle.current().pid() + ".tsv"), out);
        } catch (IOException e) {
            System.err.println("test CPU report not written: " + e);
        }
    }

    /** A class directly below its engine: nested classes and methods count in it. */
    private static Optional<String> topClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName())
                .filter(n -> !n.contains("$"));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
