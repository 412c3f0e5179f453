package dev.clausewise.bench;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * N synthetic policies written under target/bench/scale/N (copies of the bundled policies under new ids; with
 * -Dscale.source=random, SyntheticPolicies' random policies over the whole vocabulary), each N started twice in a fresh JVM
 * on one fresh rule cache: the first start compiles every policy and writes the cache, the second loads it (the
 * warm start). Each start reports the time PolicyCatalog.open took and the time since its JVM started, the rule
 * cache's counts, the heap the catalog holds after a full GC, and the latency of single decisions with the full
 * trail. The questions are the same at every N (asked of the first ten policies, the same policies at every N), so
 * latency is compared on equal work while the number of policies loaded grows.
 * Arguments: the counts to run, in order (default 10 100 1000); a count is skipped once the previous one's first
 * start, scaled linearly, would exceed the budget in seconds of -Dscale.budget (default 600). The JVM options of
 * this process (e.g. -Xmx16g) are passed to each start.
 */
public final class ScaleBench {
    private static final int DECISIONS = 2000;
    private static final int ROUNDS = 5;
    private static final int ASKED_POLICIES = 10;
    private static final Path BASE = Path.of("target", "bench", "scale");

    private ScaleBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("start")) {
            start(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int[] counts = args.length == 0 ? new int[] {10, 100, 1000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        double budget = Double.parseDouble(System.getProperty("scale.budget", "600"));
        System.out.printf("%-9s %-6s %-11s %-11s %-13s %-10s %-12s %-14s %-14s%n", "policies", "start", "open_s", "since_jvm_s",
                "cache_h/m/w", "heap_mb", "heap_mb/pol", "decide_p50_us", "decide_p99_us");
        double lastPerPolicy = 0;
        for (int n : counts) {
            if (lastPerPolicy * n > budget) {
                System.out.printf("%-9d skipped: %.0f s expected from the previous first start, over the %.0f s budget%n", n, lastPerPolicy * n, budget);
                continue;
            }
            Path root = BASE.resolve(Integer.toString(n));
            if (System.getProperty("scale.source", "bundled").equals("random")) {
                SyntheticPolicies.write(root, Bundled.POLICIES.resolve(PolicyCatalog.VOCABULARY_FILE), n, Questions.SEED);
            } else {
                SyntheticPolicies.copies(root, Bundled.POLICIES, Bundled.IDS, n);
            }
            Path cache = BASE.resolve("cache-" + n);
            delete(cache);
            String first = child(root, cache, n);
            System.out.printf("%-9d %-6s %s%n", n, "first", first);
            System.out.printf("%-9d %-6s %s%n", n, "second", child(root, cache, n));
            lastPerPolicy = Double.parseDouble(first.trim().split("\\s+")[0]) / n;
        }
    }

    /** One start in a fresh JVM with this process's JVM options and class path; returns its one line of figures. */
    private static String child(Path root, Path cache, int n) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ScaleBench.class.getName(), "start", root.toString(),
                cache.toString(), Integer.toString(n)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("row ")) {
                    last = line.substring(4);
                } else {
                    System.err.println("  [start " + n + "] " + line);
                }
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("the start of " + n + " policies failed (exit " + p.exitValue() + ")");
        }
        return last;
    }

    /** One start: open the catalog on the rule cache, then measure heap and latency; prints "row ..." for the parent. */
    private static void start(Path root, Path cacheDir, int n) {
        long heapBefore = usedHeapAfterGc();
        RuleCache cache = RuleCache.at(cacheDir);
        long t0 = System.nanoTime();
        PolicyCatalog catalog = Bundled.open(root, cache);
        long opened = System.currentTimeMillis();
        double open = (System.nanoTime() - t0) / 1e9;
        double sinceJvm = (opened - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        if (catalog.policies().size() != n) {
            throw new IllegalStateException(catalog.policies().size() + " of " + n + " policies loaded");
        }
        long heap = usedHeapAfterGc() - heapBefore;
        List<String> ids = catalog.policies().keySet().stream().sorted().limit(ASKED_POLICIES).toList();
        List<Query> questions = Questions.generate(catalog, ids, DECISIONS, Questions.SEED, true);
        Bundled.requireAnswered(catalog, questions);
        long[] nanos = latencies(catalog, questions);
        RuleCache.Stats s = cache.stats();
        System.out.printf("row %-11.1f %-11.1f %-13s %-10.0f %-12.2f %-14.1f %-14.1f%n", open, sinceJvm, s.hits() + "/" + s.misses() + "/" + s.written(),
                heap / 1e6, heap / 1e6 / n, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3);
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

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
