package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A question-class budget smaller than any policy's question space: a lint and a diff are refused before they
 * explore it, with a 422 naming the setting, and the refusal frees the analysis place (one at a time here).
 */
class QuestionBudgetTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PolicyDirs.serve("clausewise-question-budget", Map.of("clausewise.analysis.max-concurrent", 1, "clausewise.analysis.max-question-classes", 1), "tiny", "mixpanel", "pulumi");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).timeout(Duration.ofSeconds(120))
                .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void refusedByTheQuestionBudget(HttpResponse<String> r) throws Exception {
        assertEquals(422, r.statusCode(), r.body());
        JsonNode problem = JSON.readTree(r.body());
        assertEquals("question_budget_exceeded", problem.get("code").asText(), r.body());
        assertTrue(problem.get("message").asText().contains("clausewise.analysis.max-question-classes"), r.body());
    }

    @Test
    void aLintAndADiffBeyondTheQuestionBudgetAreRefusedNamingIt() throws Exception {
        long start = System.nanoTime();
        // Unbounded, this diff explores millions of question classes (23 CPU-s); the budget refuses it before.
        refusedByTheQuestionBudget(post("/v1/diff", "{\"a\":\"mixpanel\",\"b\":\"pulumi\"}", "application/json"));
        refusedByTheQuestionBudget(post("/v1/policies/lint", ClientGoneTest.PROBE, "application/yaml"));
        // Refused twice in a row with one place: each refusal gave its place back.
        refusedByTheQuestionBudget(post("/v1/policies/lint", ClientGoneTest.PROBE, "application/yaml"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "refused after " + seconds + " s");
    }
}
