import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bounded soak (bench/soak runs it; no dependency beyond the JDK): starts target/clausewise.jar on a free
 * loopback port with its own decision log, sends N requests from a fixed mix of valid decisions, batches and
 * hostile requests (malformed, oversized, wrong types, invalid UTF-8, deep nesting, traversal ids, bodies cut by
 * a client that goes away) with a few slow analysis calls (diff, lint) among them, then checks: no 5xx, every
 * valid decision answered 200, the service's RSS stable, every answered decision id in the decision log, and no
 * internal error in the service's log. Prints the figures; exits 1 when a check fails.
 */
public final class Soak {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    static final Pattern DECISION_ID = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");
    static final Pattern LOGGED_ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");

    static final List<String> VALID = List.of(
            "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\",\"recipient\":\"third_party.unnamed\",\"region\":\"US\"}",
            "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"explain\":\"none\"}",
            "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\",\"recipient\":\"third_party.unnamed\",\"region\":\"US\",\"explain\":\"summary\"}",
            "{\"policy\":\"workato\",\"practice\":\"collect.direct\",\"data\":\"email\"}",
            "{\"policy\":\"pulumi\",\"practice\":\"collect.direct\",\"data\":\"user.contact.email\",\"region\":\"FR\"}",
            "{\"policy\":\"confluent\",\"practice\":\"share\",\"data\":\"user.contact.email\",\"region\":\"DE\",\"context\":{\"consent\":\"granted\",\"optedOut\":false}}",
            "{\"policy\":\"mulesoft\",\"practice\":\"collect\",\"data\":\"user.contact\",\"region\":\"CA\",\"context\":{\"age\":15}}");

    /** One request of the mix: what it is, and what a correct service answers. */
    record Spec(String kind, String method, String path, String contentType, byte[] body, Expect expect) {
    }

    enum Expect { DECISION, BATCH, CLIENT_ERROR, ANY_BELOW_500 }

    static final List<Spec> HOSTILE = hostile();
    /** One in 997 requests: a body over micronaut.server.max-request-size (1 MB). */
    static final Spec OVER_1MB = new Spec("body-over-1mb", "POST", "/v1/decisions", "application/json",
            ("{\"policy\":\"" + "m".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8), Expect.CLIENT_ERROR);

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int clients = Integer.parseInt(System.getenv().getOrDefault("SOAK_CLIENTS", "8"));
        Path work = Files.createDirectories(Path.of("target/soak")).resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(work);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = work.resolve("service.log");
        Path decisionLog = work.resolve("decision-log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch",
                "-Dclausewise.decision-log.dir=" + decisionLog, "-Dclausewise.decision-log.max-bytes=67108864",
                "-Dclausewise.decision-log.files=40", "-Dclausewise.analysis.max-seconds=900", "-Dclausewise.watch=false",
                // A connection silent for the default 5 minutes is closed, which cancels its analysis: a diff on a busy machine may take longer.
                "-Dmicronaut.server.idle-timeout=30m", "-Dmicronaut.server.read-idle-timeout=30m", "-Dmicronaut.server.write-idle-timeout=30m",
                "-jar", "target/clausewise.jar", "serve", "--port", String.valueOf(port), "--policies", "policies-yaml",
                "--cache-dir", work.getParent().resolve("rule-cache").toString());
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        List<String> failures = new ArrayList<>();
        try {
            waitReady(service, base, log);
            run(n, clients, service, base, port, decisionLog, log, failures);
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (failures.isEmpty()) {
            System.out.println("soak: every check passed (" + work + ")");
        } else {
            failures.forEach(f -> System.out.println("soak FAILED: " + f));
            System.exit(1);
        }
    }

    static void run(int n, int clients, Process service, String base, int port, Path decisionLog, Path log, List<String> failures) throws Exception {
        for (String q : VALID) {
            HttpResponse<String> r = send(new Spec("check", "POST", "/v1/decisions", "application/json", q.getBytes(StandardCharsets.UTF_8), Expect.DECISION), base);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("a question of the valid mix is not answered 200 (" + r.statusCode() + "): " + q + " -> " + r.body());
            }
        }
        Set<String> answered = ConcurrentHashMap.newKeySet();
        Map<String, LongAdder> byKindAndStatus = new ConcurrentHashMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        LongAdder fiveXX = new LongAdder();
        LongAdder validNotAnswered = new LongAdder();
        List<Long> decisionMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong warmRss = new AtomicLong();
        long startRss = rssKb(service.pid());
        String startLoad = loadAverage();
        long[] maxRss = {startRss};
        int slow = Math.max(2, Math.min(8, n / 12_500));
        List<CompletableFuture<String>> analyses = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        long began = System.nanoTime();
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            while (next.get() < n) {
                maxRss[0] = Math.max(maxRss[0], rssKb(service.pid()));
                sleep(500);
            }
        }, pool);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(CompletableFuture.runAsync(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    if (i == n / 20) {
                        warmRss.set(rssKb(service.pid()));
                    }
                    if (i % (n / slow) == n / (2 * slow)) {
                        analyses.add(slowAnalysis(i / (n / slow), base, port));
                    }
                    Spec spec = pick(i);
                    try {
                        if (spec.kind().equals("disconnect")) {
                            disconnectMidBody(port, spec);
                            count(byKindAndStatus, spec.kind(), "gone");
                            continue;
                        }
                        long t = System.nanoTime();
                        HttpResponse<String> r = send(spec, base);
                        long micros = (System.nanoTime() - t) / 1_000;
                        int status = r.statusCode();
                        count(byKindAndStatus, spec.kind(), String.valueOf(status));
                        if (status >= 500) {
                            fiveXX.increment();
                            problems.add(spec.kind() + " " + status + ": " + clip(r.body()));
                        }
                        switch (spec.expect()) {
                            case DECISION -> {
                                decisionMicros.add(micros);
                                Matcher m = DECISION_ID.matcher(r.body());
                                if (status == 200 && m.find()) {
                                    answered.add(m.group(1));
                                } else {
                                    validNotAnswered.increment();
                                    problems.add("valid decision " + status + ": " + clip(r.body()));
                                }
                            }
                            case BATCH -> {
                                Matcher m = DECISION_ID.matcher(r.body());
                                int ids = 0;
                                while (m.find()) {
                                    answered.add(m.group(1));
                                    ids++;
                                }
                                if (status != 200 || ids != 5) {
                                    validNotAnswered.increment();
                                    problems.add("batch " + status + " with " + ids + " decisions: " + clip(r.body()));
                                }
                            }
                            case CLIENT_ERROR -> {
                                if (status < 400 || status >= 500) {
                                    problems.add(spec.kind() + " answered " + status + ", not a 4xx: " + clip(r.body()));
                                }
                            }
                            case ANY_BELOW_500 -> {
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        count(byKindAndStatus, spec.kind(), "io-error");
                        problems.add(spec.kind() + ": " + e);
                        if (spec.expect() == Expect.DECISION || spec.expect() == Expect.BATCH) {
                            validNotAnswered.increment();
                        }
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - began) / 1e9;
        sampler.join();
        List<String> analysisOutcomes = new ArrayList<>();
        for (CompletableFuture<String> a : analyses) {
            analysisOutcomes.add(a.get(30, TimeUnit.MINUTES));
        }
        pool.shutdown();
        long endRss = rssKb(service.pid());
        for (String outcome : analysisOutcomes) {
            if (outcome.matches("\\w+ 5\\d\\d .*")) {
                fiveXX.increment();
                problems.add("analysis " + outcome);
            } else if (!outcome.matches("\\w+ (200|429) .*")) {
                problems.add("analysis " + outcome);
            }
        }

        // Every answered decision in the log: the service flushes its log when it stops (SIGTERM).
        String metrics = send(new Spec("metrics", "GET", "/metrics", null, null, Expect.ANY_BELOW_500), base).body();
        service.destroy();
        if (!service.waitFor(60, TimeUnit.SECONDS)) {
            failures.add("the service did not stop within 60 s of SIGTERM");
            service.destroyForcibly();
        }
        Set<String> logged = new java.util.HashSet<>();
        long lines = 0;
        try (Stream<Path> files = Files.list(decisionLog)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                try (var reader = Files.newBufferedReader(f)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines++;
                        Matcher m = LOGGED_ID.matcher(line);
                        if (m.find()) {
                            logged.add(m.group(1));
                        }
                    }
                }
            }
        }
        long missing = answered.stream().filter(id -> !logged.contains(id)).count();
        List<String> errorLines;
        try (Stream<String> s = Files.lines(log)) {
            errorLines = s.filter(l -> l.contains(" ERROR ") || l.contains("Internal Server Error") || l.startsWith("\tat ")).toList();
        }

        List<Long> sorted = new ArrayList<>(decisionMicros);
        Collections.sort(sorted);
        System.out.printf("soak: %,d requests by %d clients in %.1f s (%.0f/s) on loopback, plus %d slow analysis calls%n", n, clients, seconds, n / seconds, analyses.size());
        new TreeMap<>(byKindAndStatus).forEach((k, v) -> System.out.printf("  %-28s %,8d%n", k, v.sum()));
        System.out.println("  slow analysis: " + analysisOutcomes);
        System.out.printf("  5xx: %d; valid decisions not answered 200: %d%n", fiveXX.sum(), validNotAnswered.sum());
        System.out.printf("  valid decision latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(sorted, 50) / 1e3, pct(sorted, 99) / 1e3,
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e3);
        System.out.printf("  decisions answered: %,d; in the decision log: %,d (%,d lines); answered but not logged: %d%n", answered.size(), logged.size(), lines, missing);
        System.out.printf("  RSS: %,d KB at start, %,d KB after warm-up (5%% of requests), %,d KB at the end, %,d KB max%n", startRss, warmRss.get(), endRss, maxRss[0]);
        System.out.println("  decision log: " + grep(metrics, "clausewise_decision_log_(dropped|failures)_total\\{[^}]*\\}\\s+\\S+"));
        System.out.println("  service log lines with ERROR or a stack frame: " + errorLines.size());
        System.out.println("  load average (1, 5, 15 min; the machine's, not only the soak's): " + startLoad + " at start, " + loadAverage() + " at the end");
        problems.stream().limit(10).forEach(p -> System.out.println("  problem: " + p));

        if (fiveXX.sum() > 0) {
            failures.add(fiveXX.sum() + " answers were 5xx");
        }
        if (validNotAnswered.sum() > 0) {
            failures.add(validNotAnswered.sum() + " valid decisions were not answered 200");
        }
        if (problems.size() > 0) {
            failures.add(problems.size() + " requests were not answered as expected (first: " + problems.get(0) + ")");
        }
        if (missing > 0) {
            failures.add(missing + " answered decisions are not in the decision log");
        }
        // Stable: the heap is fixed (-Xms = -Xmx, pre-touched), so growth past warm-up is native memory, threads or buffers.
        if (endRss > warmRss.get() * 1.25 + 64 * 1024) {
            failures.add("RSS grew from " + warmRss.get() + " KB after warm-up to " + endRss + " KB");
        }
        if (!errorLines.isEmpty()) {
            failures.add(errorLines.size() + " service log lines with ERROR or a stack frame, first: " + errorLines.get(0));
        }
    }

    /** The i-th request of the mix: 60 % decisions, 5 % batches, the rest hostile, spread over every hostile kind; a few bodies over 1 MB. */
    static Spec pick(int i) {
        int r = (int) Math.floorMod(i * 2_654_435_761L, 100L);
        if (i % 997 == 996) {
            return OVER_1MB;
        }
        if (r < 60) {
            String q = VALID.get(Math.floorMod(i, VALID.size()));
            return new Spec("decision", "POST", "/v1/decisions", "application/json", q.getBytes(StandardCharsets.UTF_8), Expect.DECISION);
        }
        if (r < 65) {
            StringBuilder b = new StringBuilder("{\"queries\":[");
            for (int k = 0; k < 5; k++) {
                b.append(k == 0 ? "" : ",").append(VALID.get(Math.floorMod(i + k, VALID.size())));
            }
            b.append(",{\"policy\":\"mixpanel\",\"practice\":\"colect\"}]}");
            return new Spec("batch", "POST", "/v1/decisions/batch", "application/json", b.toString().getBytes(StandardCharsets.UTF_8), Expect.BATCH);
        }
        return HOSTILE.get(Math.floorMod(i / 3, HOSTILE.size()));
    }

    static List<Spec> hostile() {
        String json = "application/json";
        List<Spec> h = new ArrayList<>();
        h.add(decision("malformed-json", "{\"policy\":\"mixpanel\","));
        h.add(decision("unknown-field", "{\"policy\":\"mixpanel\",\"practice\":\"share\",\"dta\":\"user.contact.email\"}"));
        h.add(decision("wrong-type", "{\"policy\":\"mixpanel\",\"practice\":5,\"context\":{\"age\":\"old\"}}"));
        h.add(decision("unknown-key", "{\"policy\":\"mixpanel\",\"practice\":\"colect\",\"data\":\"user.contact.emial\"}"));
        h.add(decision("huge-value", "{\"policy\":\"mixpanel\",\"practice\":\"" + "share".repeat(20_000) + "\"}"));
        h.add(decision("huge-key", "{\"" + "k".repeat(50_000) + "\":1}"));
        h.add(decision("unknown-policy", "{\"policy\":\"../../etc/passwd\",\"practice\":\"share\"}"));
        h.add(decision("deep-nesting", "[".repeat(20_000)));
        h.add(decision("deep-object", "{\"policy\":\"mixpanel\",\"context\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}"));
        h.add(new Spec("invalid-utf8", "POST", "/v1/decisions", json, new byte[] {'{', '"', 'p', 'o', 'l', 'i', 'c', 'y', '"', ':', '"', (byte) 0xff,
                (byte) 0xfe, (byte) 0xc3, '"', '}'}, Expect.CLIENT_ERROR));
        h.add(decision("empty-body", ""));
        h.add(decision("not-an-object", "[1,2,3]"));
        h.add(decision("null-body", "null"));
        h.add(decision("huge-number", "{\"policy\":\"mixpanel\",\"practice\":\"share\",\"context\":{\"age\":1e400}}"));
        h.add(decision("forged-log-line", "{\"policy\":\"mixpanel\\n2026-01-01 ERROR forged\\u001b[31m\",\"practice\":\"share\"}"));
        h.add(new Spec("wrong-content-type", "POST", "/v1/decisions", "application/xml", "<policy/>".getBytes(StandardCharsets.UTF_8), Expect.CLIENT_ERROR));
        h.add(new Spec("unknown-decision-id", "GET", "/v1/decisions/00000000-0000-0000-0000-000000000000", null, null, Expect.CLIENT_ERROR));
        h.add(new Spec("traversal-decision-id", "GET", "/v1/decisions/..%2F..%2Fetc%2Fpasswd", null, null, Expect.CLIENT_ERROR));
        h.add(new Spec("compare-unknown-param", "GET", "/v1/compare?practice=share&bogus=" + "x".repeat(300), null, null, Expect.CLIENT_ERROR));
        h.add(new Spec("validate-traversal-id", "POST", "/v1/policies/validate?id=..%2F..%2Fetc", "application/yaml",
                "policy: mixpanel\nstatements: []\n".getBytes(StandardCharsets.UTF_8), Expect.CLIENT_ERROR));
        h.add(new Spec("put-without-token", "PUT", "/v1/policies/mixpanel", "application/yaml",
                "policy: mixpanel\n".getBytes(StandardCharsets.UTF_8), Expect.CLIENT_ERROR));
        StringBuilder big = new StringBuilder("{\"queries\":[");
        for (int k = 0; k <= 10_000; k++) {
            big.append(k == 0 ? "{}" : ",{}");
        }
        h.add(new Spec("batch-too-large", "POST", "/v1/decisions/batch", json, (big + "]}").getBytes(StandardCharsets.UTF_8), Expect.CLIENT_ERROR));
        h.add(new Spec("health", "GET", "/health", null, null, Expect.ANY_BELOW_500));
        h.add(new Spec("metrics", "GET", "/metrics", null, null, Expect.ANY_BELOW_500));
        h.add(new Spec("unknown-path", "GET", "/v1/%00%ff/../x", null, null, Expect.CLIENT_ERROR));
        h.add(new Spec("disconnect", "POST", "/v1/decisions", json, VALID.get(0).getBytes(StandardCharsets.UTF_8), Expect.ANY_BELOW_500));
        return h;
    }

    static Spec decision(String kind, String body) {
        return new Spec(kind, "POST", "/v1/decisions", "application/json", body.getBytes(StandardCharsets.UTF_8), Expect.CLIENT_ERROR);
    }

    static HttpResponse<String> send(Spec spec, String base) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + spec.path())).timeout(Duration.ofMinutes(5));
        if (spec.contentType() != null) {
            b.header("content-type", spec.contentType());
        }
        b.method(spec.method(), spec.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(spec.body()));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Headers promising the whole body, a tenth of it, then the connection closed: the service must not log an internal error. */
    static void disconnectMidBody(int port, Spec spec) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + spec.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + spec.contentType() + "\r\nContent-Length: "
                    + spec.body().length * 10 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(spec.body(), 0, spec.body().length / 2);
            out.flush();
        }
    }

    /** A diff of two large policies or a lint, each about a CPU-minute on this machine; 429 when two already run. */
    static CompletableFuture<String> slowAnalysis(int k, String base, int port) {
        try {
            Spec spec = k % 2 == 0
                    ? new Spec("diff", "POST", "/v1/diff", "application/json", "{\"a\":\"mixpanel\",\"b\":\"pulumi\"}".getBytes(StandardCharsets.UTF_8), Expect.ANY_BELOW_500)
                    : new Spec("lint", "POST", "/v1/policies/lint", "application/yaml", Files.readAllBytes(Path.of("policies-yaml/mixpanel/policy.yaml")), Expect.ANY_BELOW_500);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + spec.path())).timeout(Duration.ofMinutes(20)).header("content-type", spec.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(spec.body()));
            long t = System.nanoTime();
            return HTTP.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> spec.kind() + " " + r.statusCode() + " in " + (System.nanoTime() - t) / 1_000_000_000 + " s")
                    .exceptionally(e -> spec.kind() + " failed after " + (System.nanoTime() - t) / 1_000_000_000 + " s: " + e);
        } catch (IOException e) {
            return CompletableFuture.completedFuture("analysis not sent: " + e);
        }
    }

    static void waitReady(Process service, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = send(new Spec("health", "GET", "/health", null, null, Expect.ANY_BELOW_500), base);
                if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not become ready in 5 minutes: " + Files.readString(log));
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return 0;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void count(Map<String, LongAdder> counts, String kind, String status) {
        counts.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String grep(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return String.join("; ", found);
    }

    static String clip(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
