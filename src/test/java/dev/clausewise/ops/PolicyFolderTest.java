package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The served policies follow the folder: deleted folders unload, renamed ones move, a broken vocabulary is refused. */
class PolicyFolderTest {
    Path root;
    EmbeddedServer server;

    @BeforeEach
    void start() throws Exception {
        Path base = Files.createTempDirectory("clausewise-folder");
        root = PolicyDirs.copy(base.resolve("policies"), "tiny");
        PolicyDirs.copy(base.resolve("spare"), "tiny");
        Files.move(base.resolve("spare/tiny"), root.resolve("other"));
        Files.writeString(root.resolve("other/policy.yaml"), Files.readString(root.resolve("other/policy.yaml")).replace("policy: tiny", "policy: other"));
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1, "clausewise.policies", root.toString(),
                "clausewise.decision-log.dir", base.resolve("log").toString()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    JsonNode health() throws Exception {
        return ServiceOperationsTest.json(ServiceOperationsTest.send(server, "GET", "/health", null));
    }

    int decide(String policy) throws Exception {
        return ServiceOperationsTest.send(server, "POST", "/v1/decisions", "{\"policy\":\"" + policy + "\",\"practice\":\"share.sell\",\"explain\":\"none\"}",
                "content-type", "application/json").statusCode();
    }

    static void deleteTree(Path p) throws Exception {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void aDeletedFolderUnloadsAndItsRefusalLeavesHealth() throws Exception {
        assertEquals(200, decide("other"));
        PolicyDirs.write(root.resolve("other/policy.yaml"), "policy: other\nstatements: [oops\n");
        ServiceOperationsTest.eventually("refusal in /health", v -> ServiceOperationsTest.quietly(() -> health().get("refused").has("other")));
        deleteTree(root.resolve("other"));
        ServiceOperationsTest.eventually("unloaded", v -> ServiceOperationsTest.quietly(() -> !health().get("policies").has("other")
                && !health().get("refused").has("other")));
        assertEquals(404, decide("other"));
        assertEquals(200, decide("tiny"));
    }

    @Test
    void aRenamedFolderServesUnderItsNewName() throws Exception {
        Files.move(root.resolve("other"), root.resolve("renamed"));
        PolicyDirs.write(root.resolve("renamed/policy.yaml"), Files.readString(root.resolve("renamed/policy.yaml")).replace("policy: other", "policy: renamed"));
        ServiceOperationsTest.eventually("served under the new name", v -> ServiceOperationsTest.quietly(() -> health().get("policies").has("renamed")
                && !health().get("policies").has("other")));
        assertEquals(200, decide("renamed"));
        assertEquals(404, decide("other"));
    }

    @Test
    void aBrokenVocabularyIsRefusedAndTheLastGoodKeepsServing() throws Exception {
        String good = Files.readString(root.resolve("vocabulary.yaml"));
        PolicyDirs.write(root.resolve("vocabulary.yaml"), "practice: [this is not\n");
        ServiceOperationsTest.eventually("vocabulary refused in /health", v -> ServiceOperationsTest.quietly(() -> health().get("refused").has("vocabulary.yaml")));
        assertEquals(200, decide("tiny"));
        assertEquals("UP", health().get("status").asText());
        PolicyDirs.write(root.resolve("vocabulary.yaml"), good);
        ServiceOperationsTest.eventually("refusal gone", v -> ServiceOperationsTest.quietly(() -> !health().get("refused").has("vocabulary.yaml")));
        assertEquals(200, decide("tiny"));
        assertTrue(health().get("policies").has("other"));
    }
}
