package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The real jar with a file decision log, killed with SIGKILL after clients asked decisions under load and then
 * at a slow pace: every decision it answered with 200 is in the log unless it was answered within the last flush
 * interval (plus scheduling slack) before the kill. The slow phase is what makes the flush interval matter: its
 * few records stay far below the writer's 64 KB buffer, so only a timed flush puts them on disk. On restart a
 * line the kill cut is moved to decisions.partial and every line parses.
 */
class SigkillLossIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    static final long FLUSH_MILLIS = 200;
    /** A 2-core machine shared with builds may not run the writer thread for a while; the bound allows this much. */
    static final long SLACK_MILLIS = 800;
    static final int CLIENTS = 4;
    /** The kill comes once this many decisions were answered (or after {@link #MAX_LOAD}), so that it falls under load. */
    static final int ANSWERS_BEFORE_KILL = 2_000;
    static final Duration MAX_LOAD = Duration.ofSeconds(120);
    /** The slow phase before the kill: this many decisions, one every {@link #PACE_MILLIS}, about 5 KB of log in all. */
    static final int PACED = 12;
    static final long PACE_MILLIS = 300;

    /** One answered decision: its id and when (System.nanoTime) its 200 arrived. */
    record Answered(String id, long at) {
    }

    @Test
    void aKilledServiceLosesAtMostItsLastFlushIntervalAndItsCutLineIsMovedAside() throws Exception {
        Path base = Files.createDirectories(Path.of("target/sigkill-it")).resolve("run-" + System.currentTimeMillis());
        Path policies = PolicyDirs.copy(base.resolve("policies"), "mixpanel");
        Path logDir = base.resolve("log");
        Map<String, String> config = Map.of("clausewise.decision-log.dir", logDir.toString(),
                "clausewise.decision-log.flush-millis", String.valueOf(FLUSH_MILLIS), "clausewise.decision-log.max-bytes", "1073741824",
                "clausewise.watch", "false");

        ServiceProcess first = ServiceProcess.start(policies, base.resolve("cache"), base.resolve("service-1.log"), config, HTTP);
        List<Answered> answered = new ArrayList<>();
        long killedAt;
        double[] loadSeconds = new double[1];
        try {
            long start = System.nanoTime();
            killedAt = loadThenKill(first, answered);
            loadSeconds[0] = (killedAt - start) / 1e9;
        } finally {
            first.close();
        }

        Path current = logDir.resolve("decisions.jsonl");
        byte[] bytes = Files.readAllBytes(current);
        boolean cutByTheKill = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
        Set<String> logged = wholeLineIds(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        List<Answered> lost = answered.stream().filter(a -> !logged.contains(a.id())).toList();
        long oldestLostMillis = lost.stream().mapToLong(a -> (killedAt - a.at()) / 1_000_000).max().orElse(0);
        long allowed = answered.stream().filter(a -> (killedAt - a.at()) / 1_000_000 <= FLUSH_MILLIS + SLACK_MILLIS).count();
        assertTrue(answered.size() >= 200, "the load answered " + answered.size() + " decisions before the kill");
        assertTrue(oldestLostMillis <= FLUSH_MILLIS + SLACK_MILLIS, lost.size() + " answered decisions are not in the log (" + allowed
                + " were answered within the bound), the oldest answered " + oldestLostMillis + " ms before the kill; the bound is flush-millis "
                + FLUSH_MILLIS + " + " + SLACK_MILLIS + " ms");

        // Without a line cut by the kill, cut the last one as a torn write would, so that the repair is exercised every run.
        if (!cutByTheKill) {
            int lastLine = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lastIndexOf('\n', bytes.length - 2) + 1;
            try (FileChannel f = FileChannel.open(current, StandardOpenOption.WRITE)) {
                f.truncate(lastLine + (bytes.length - lastLine) / 2);
            }
        }
        String cut = cutLine(current);
        Set<String> whole = wholeLineIds(Files.readString(current));

        try (ServiceProcess second = ServiceProcess.start(policies, base.resolve("cache"), base.resolve("service-2.log"), config, HTTP)) {
            String after = decide(second);
            String before = whole.iterator().next();
            for (String id : List.of(after, before)) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(second.uri("/v1/decisions/" + id)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), "decision " + id + " is read back after the restart: " + r.body());
            }
            List<String> lines = Files.readAllLines(current);
            for (String line : lines) {
                JSON.readTree(line);
            }
            assertEquals(whole.size() + 1, lines.size(), "the whole lines the kill left, and the new decision");
            assertTrue(Files.readString(logDir.resolve("decisions.partial")).contains(cut), "the cut line is kept in decisions.partial");
        }
        System.out.printf("SIGKILL test: %d decisions answered (200) by %d clients and %d paced in %.1f s before the kill, %d logged, %d lost "
                        + "(%d answered within the bound; oldest lost answered %d ms before the kill; bound %d + %d ms); line cut by the kill: %s%n",
                answered.size(), CLIENTS, PACED, loadSeconds[0], logged.size(), lost.size(), allowed, oldestLostMillis, FLUSH_MILLIS, SLACK_MILLIS,
                cutByTheKill ? "yes" : "no (cut by the test)");
    }

    /** Clients ask decisions under load, then one asks at a slow pace, and the service is killed; returns when (nanoTime) the kill was sent. */
    static long loadThenKill(ServiceProcess service, List<Answered> answered) throws Exception {
        Set<Answered> got = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = HTTP.send(request(service), HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (r.statusCode() == 200) {
                            got.add(new Answered(JSON.readTree(r.body()).get("decisionId").asText(), at));
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // refused or reset once the service is gone: not answered, so not counted
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + MAX_LOAD.toNanos();
        while (got.size() < ANSWERS_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "the clients stop");
        for (int i = 0; i < PACED; i++) {
            Thread.sleep(PACE_MILLIS);
            HttpResponse<String> r = HTTP.send(request(service), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            got.add(new Answered(JSON.readTree(r.body()).get("decisionId").asText(), System.nanoTime()));
        }
        long killedAt = System.nanoTime();
        service.kill();
        assertEquals(0, errors.get(), "every decision asked before the kill was answered 200");
        answered.addAll(got);
        return killedAt;
    }

    static HttpRequest request(ServiceProcess service) {
        return HttpRequest.newBuilder(service.uri("/v1/decisions")).timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(KafkaBrokerIT.QUESTION)).build();
    }

    static String decide(ServiceProcess service) throws Exception {
        HttpResponse<String> r = HTTP.send(request(service), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("decisionId").asText();
    }

    /** The ids of the whole lines (each must parse); a last line without its newline is left out. */
    static Set<String> wholeLineIds(String text) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isEmpty()) {
                ids.add(JSON.readTree(line).get("id").asText());
            }
        }
        return ids;
    }

    static String cutLine(Path file) throws Exception {
        String text = Files.readString(file);
        String cut = text.substring(text.lastIndexOf('\n') + 1);
        assertTrue(!cut.isEmpty(), "the last line is cut");
        return cut;
    }
}
