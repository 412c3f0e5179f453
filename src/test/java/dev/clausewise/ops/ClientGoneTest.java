package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.clausewise.analysis.Compare;
import dev.clausewise.analysis.Progress;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.query.Query;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.ScenarioLoader;
import dev.clausewise.scenario.ScenarioRunner;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.vocabulary.Dimension;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client that goes away: the analysis it started is cancelled and frees its place (one analysis at a time here,
 * and a diff of mixpanel and pulumi takes far longer than the bound), and a body cut by a closed connection is a
 * debug line, not an internal error with a stack trace. Compare, scenarios and a policy build (validate, PUT) end
 * within the bound anyway (under a second to a few seconds), so for them the tests below stop the job at a chosen
 * check, as a job whose client left does, and show where the work stops and that a replace writes nothing.
 */
class ClientGoneTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SLOW_DIFF = "{\"a\":\"mixpanel\",\"b\":\"pulumi\"}";
    /** A lint of a one-statement policy: milliseconds when its place is free, 429 while the diff holds it. */
    static final String PROBE = "policy: tiny\ntitle: Probe\nsource: {document: tiny.txt, effective: \"2020-01-01\"}\nstatements:\n"
            + "  - id: no-sale\n    practice: share.sell\n    effect: deny\n    cite: {section: \"Sharing\", quote: \"We never sell personal information.\"}\n";
    /** The diff alone takes 20 s of CPU or more; a cancelled one gives its place back within this. */
    static final Duration FREED_WITHIN = Duration.ofSeconds(8);
    static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PolicyDirs.serve("clausewise-client-gone", Map.of("clausewise.analysis.max-concurrent", 1, "clausewise.analysis.max-seconds", 600), "tiny", "mixpanel", "pulumi");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int probe() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/v1/policies/lint"))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(PROBE)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static Socket open() throws Exception {
        return new Socket(InetAddress.getLoopbackAddress(), server.getPort());
    }

    static void write(Socket s, String head, byte[] body, int sent) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, sent);
        out.flush();
    }

    @Test
    void aDiffWhoseClientLeftIsCancelledAndFreesItsPlace() throws Exception {
        assertEquals(200, probe(), "the place is free before the diff");
        byte[] body = SLOW_DIFF.getBytes(StandardCharsets.UTF_8);
        boolean running = false;
        for (int attempt = 0; attempt < 10 && !running; attempt++) {
            try (Socket client = open()) {
                write(client, "POST /v1/diff HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n",
                        body, body.length);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                // A probe sent at once can take the one place before the diff is dispatched (the diff is then a 429):
                // the diff gets a head start, more so on a loaded machine.
                Thread.sleep(300L * (attempt + 1));
                // Until a probe is refused the diff holds the place; a diff answered already lost the race to a probe (429).
                while (!running && client.getInputStream().available() == 0) {
                    running = probe() == 429;
                    assertTrue(System.nanoTime() < deadline, "the diff started within 60 s");
                }
            }
        }
        assertTrue(running, "the diff took the place");
        long closed = System.nanoTime();
        int status;
        while ((status = probe()) == 429) {
            assertTrue(System.nanoTime() - closed < FREED_WITHIN.toNanos(), "the diff's place is still taken " + FREED_WITHIN + " after its client left");
        }
        assertEquals(200, status, "the next analysis is accepted");
        System.out.printf("client gone: the diff's place was free %d ms after its client closed the connection%n", (System.nanoTime() - closed) / 1_000_000);
    }

    /** What a job's check throws once its client left; thrown here at the {@code at}-th check. */
    static final class Gone extends RuntimeException {
    }

    static Progress goneAt(int at, AtomicInteger checks) {
        return new Progress() {
            @Override
            public void update(long done, long total) {
                step();
            }

            @Override
            public void step() {
                if (checks.incrementAndGet() == at) {
                    throw new Gone();
                }
            }
        };
    }

    static PolicyCatalog catalog() {
        return server.getApplicationContext().getBean(PolicyCatalog.class);
    }

    @Test
    void aCompareStopsAtTheCellItsJobIsFoundGone() {
        Query question = new Query("mixpanel", null, null, null, null, null, null, null, Query.Context.NONE);
        AtomicInteger cells = new AtomicInteger();
        Compare.matrix(catalog(), question, Dimension.PRACTICE, Dimension.DATA, goneAt(0, cells));
        assertTrue(cells.get() > 100, "the matrix asks one question per cell: " + cells.get());
        AtomicInteger checks = new AtomicInteger();
        assertThrows(Gone.class, () -> Compare.matrix(catalog(), question, Dimension.PRACTICE, Dimension.DATA, goneAt(10, checks)));
        assertEquals(10, checks.get(), "no cell was asked after the check that found the client gone");
        AtomicInteger policies = new AtomicInteger();
        Query across = new Query(null, "share", "user.contact", null, null, null, null, null, Query.Context.NONE);
        assertThrows(Gone.class, () -> Compare.question(catalog(), across, goneAt(2, policies)));
        assertEquals(2, policies.get(), "no policy was asked after the check that found the client gone");
    }

    @Test
    void aScenarioRunStopsAtTheScenarioItsJobIsFoundGone() {
        StringBuilder yaml = new StringBuilder("policy: mixpanel\nscenarios:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("  - {name: s").append(i).append(", query: {practice: share.sell, data: user.contact}, expect: {outcome: DENY}}\n");
        }
        ScenarioFile file = ScenarioLoader.load("scenarios.yaml", yaml.toString(), new Diagnostics()).orElseThrow();
        AtomicInteger checks = new AtomicInteger();
        assertThrows(Gone.class, () -> new ScenarioRunner(catalog()).run(file, goneAt(11, checks)));
        assertEquals(11, checks.get(), "no scenario ran after the check that found the client gone");
    }

    @Test
    void aReplaceWhoseClientLeftBeforeTheSwapWritesNothingAndTheOldVersionServes() throws Exception {
        PolicyCatalog catalog = catalog();
        Path folder = catalog.root().resolve("tiny");
        String before = Files.readString(folder.resolve("policy.yaml"));
        String served = catalog.policy("tiny").orElseThrow().ref().version();
        String next = before.replace("title: Tiny fixture policy", "title: Tiny fixture policy, replaced");
        AtomicInteger steps = new AtomicInteger();
        assertTrue(catalog.check("tiny", next, steps::incrementAndGet).ok(), "the new version builds");
        // Found gone at each step of the build, or at the last check before the write.
        for (int at = 1; at <= steps.get() + 1; at++) {
            Progress gone = goneAt(at, new AtomicInteger());
            assertThrows(Gone.class, () -> catalog.replace("tiny", next, gone::step), "cancelled at check " + at);
            assertEquals(before, Files.readString(folder.resolve("policy.yaml")), "nothing was written, cancelled at check " + at);
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(List.of("policy.yaml", "source.txt"), files.map(f -> f.getFileName().toString()).sorted().toList(), "no temp file is left");
            }
            assertEquals(served, catalog.policy("tiny").orElseThrow().ref().version(), "the old version still serves");
        }
    }

    @Test
    void aBodyCutByAClosedConnectionIsNotAnInternalError() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger handler = context.getLogger("dev.clausewise.api.ErrorHandlers$Unexpected");
        Level level = handler.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(events);
        handler.setLevel(Level.DEBUG);
        try {
            byte[] body = "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\"}".getBytes(StandardCharsets.UTF_8);
            try (Socket client = open()) {
                write(client, "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length * 4
                        + "\r\n\r\n", body, body.length / 2);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.list.stream().noneMatch(e -> e.getLoggerName().equals(handler.getName()))) {
                assertTrue(System.nanoTime() < deadline, "the service noticed the cut body within 30 s");
                Thread.sleep(20);
            }
            List<ILoggingEvent> bad = events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null).toList();
            assertEquals(List.of(), bad.stream().map(ILoggingEvent::getFormattedMessage).toList(), "no error, no stack trace");
            assertTrue(events.list.stream().anyMatch(e -> e.getFormattedMessage().contains("the client closed the connection")),
                    events.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString());
        } finally {
            root.detachAppender(events);
            handler.setLevel(level);
        }
    }
}
