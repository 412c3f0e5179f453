package dev.clausewise.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The playground in a real browser: e2e/playground.test.mjs drives Debian's chromium (playwright-core) against this
 * service on a random port, serving a copy of the bundled policies (saving writes only the copy). Screenshots of
 * each view go to target/playground/.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaygroundBrowserIT implements TestPropertyProvider {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final String TOKEN = "e2e-playground-token";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("micronaut.server.port", "-1", "clausewise.policies", copyOfPolicies().toString(),
                "clausewise.authoring.token", TOKEN);
    }

    @Test
    void theBrowserTestsPass() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "chromium is missing at " + CHROMIUM
                + ": install it with `apt-get install -y chromium` (.ci/run does), or set CHROMIUM");
        assertTrue(Files.isDirectory(Path.of("e2e/node_modules/playwright-core")),
                "e2e/node_modules is missing: `npm ci` in e2e/ (the pre-integration-test phase runs it)");
        Path shots = Path.of("target/playground").toAbsolutePath();
        if (Files.isDirectory(shots)) {
            try (Stream<Path> old = Files.list(shots)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "playground.test.mjs")
                .directory(Path.of("e2e").toFile()).redirectErrorStream(true);
        pb.environment().put("CLAUSEWISE_URL", "http://localhost:" + server.getPort());
        pb.environment().put("SCREENSHOTS", shots.toString());
        pb.environment().put("E2E_TOKEN", TOKEN);
        Process node = pb.start();
        // node's report goes to the build's output and, whole, into the failure message
        StringBuilder report = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                    report.append(line).append('\n');
                }
            } catch (IOException e) {
                report.append("reading node's output failed: ").append(e);
            }
        });
        reader.start();
        boolean done = node.waitFor(15, TimeUnit.MINUTES);
        if (!done) {
            node.destroyForcibly();
        }
        reader.join(10_000);
        assertTrue(done, "the browser tests did not finish in 15 minutes:\n" + report);
        assertEquals(0, node.exitValue(), "browser tests failed:\n" + report);
        for (String view : new String[] {"ask", "compare", "matrix", "author", "phone"}) {
            assertTrue(Files.size(shots.resolve(view + ".png")) > 10_000, view + ".png was not saved");
        }
    }

    private static Path copyOfPolicies() {
        try {
            Path to = Files.createTempDirectory("clausewise-playground-");
            Path from = Path.of("policies-yaml");
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
