package dev.clausewise.bench;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loads N synthetic policies (SyntheticPolicies) and reports the compile time of the whole catalog, the heap it
 * holds after a full GC, and the latency of single decisions with the full trail. The questions are the same at
 * every N (asked of the first ten policies, which are the same policies at every N), so that latency is compared
 * on equal work while the number of policies loaded grows.
 * Arguments: the counts to run, in order (default 10 100 1000); a count is skipped once the previous one's compile
 * time, scaled linearly, would exceed the budget in seconds of -Dscale.budget (default 600).
 */
public final class ScaleBench {
    private static final int DECISIONS = 2000;
    private static final int ROUNDS = 5;
    private static final int ASKED_POLICIES = 10;

    private ScaleBench() {
    }

    public static void main(String[] args) throws IOException {
        int[] counts = args.length == 0 ? new int[] {10, 100, 1000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        double budget = Double.parseDouble(System.getProperty("scale.budget", "600"));
        Path base = Path.of("target", "bench", "scale");
        System.out.printf("%-9s %-12s %-14s %-12s %-12s %-14s %-14s%n", "policies", "statements", "compile_s", "heap_mb",
                "heap_mb/pol", "decide_p50_us", "decide_p99_us");
        double lastPerPolicy = 0;
        for (int n : counts) {
            if (lastPerPolicy * n > budget) {
                System.out.printf("%-9d skipped: %.0f s expected from the previous row, over the %.0f s budget%n", n, lastPerPolicy * n, budget);
                continue;
            }
            Path root = base.resolve(Integer.toString(n));
            List<String> ids = SyntheticPolicies.write(root, Bundled.POLICIES.resolve(PolicyCatalog.VOCABULARY_FILE), n, Questions.SEED);
            long heapBefore = usedHeapAfterGc();
            long t0 = System.nanoTime();
            PolicyCatalog catalog = Bundled.open(root);
            double compile = (System.nanoTime() - t0) / 1e9;
            long heap = usedHeapAfterGc() - heapBefore;
            int statements = catalog.policies().values().stream().mapToInt(p -> p.policy().statements().size()).sum();
            List<Query> questions = Questions.generate(catalog, ids.subList(0, Math.min(ASKED_POLICIES, n)), DECISIONS, Questions.SEED, true);
            Bundled.requireAnswered(catalog, questions);
            long[] nanos = latencies(catalog, questions);
            System.out.printf("%-9d %-12d %-14.1f %-12.0f %-12.2f %-14.1f %-14.1f%n", n, statements, compile, heap / 1e6, heap / 1e6 / n,
                    nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3);
            lastPerPolicy = compile / n;
        }
    }

    /** Warm-up rounds, then every question timed once per round; sorted nanoseconds. */
    private static long[] latencies(PolicyCatalog catalog, List<Query> questions) {
        for (int r = 0; r < ROUNDS; r++) {
            questions.forEach(q -> catalog.decide(q, Explain.FULL));
        }
        long[] out = new long[questions.size() * ROUNDS];
        int i = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (Query q : questions) {
                long t = System.nanoTime();
                catalog.decide(q, Explain.FULL);
                out[i++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(out);
        return out;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
