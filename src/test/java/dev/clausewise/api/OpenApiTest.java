package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is generated from the controllers; every operation in it answers, and Swagger UI is served. */
@MicronautTest
class OpenApiTest {
    static final Map<String, String> BODIES = Map.of(
            "/v1/decisions", "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\"}",
            "/v1/decisions/batch", "{\"queries\":[{\"policy\":\"mixpanel\",\"practice\":\"share.sell\"}]}",
            "/v1/policies/validate", "policy: mixpanel\nstatements: []\n",
            "/v1/scenarios/run", "policy: mixpanel\nscenarios:\n  - name: s\n    query: {practice: share.sell}\n    expect: {outcome: DENY}\n",
            "/v1/policies/{id}", "policy: mixpanel\nstatements: []\n",
            "/v1/policies/lint", "policy: mixpanel\nstatements: []\n",
            "/v1/diff", "{\"a\":\"mixpanel\",\"b\":\"mixpanel\"}");

    @Inject
    EmbeddedServer server;

    @Test
    void everyDocumentedOperationAnswers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String yaml = get(http, "/openapi.yaml").body();
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(yaml).get("paths");
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                String body = BODIES.getOrDefault(path.getKey(), "");
                String uri = path.getKey().replace("{id}", "mixpanel");
                HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + uri))
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                        .header("content-type", body.startsWith("{") ? "application/json" : "application/yaml");
                HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                assertTrue(status < 500, method + " " + uri + " -> " + status + " " + response.body());
                assertNotEquals(405, status, method + " " + uri);
                assertTrue(status != 404 || !response.body().contains("\"not_found\""), method + " " + uri + " has no route");
                checked.add(method + " " + path.getKey());
            }
        }
        assertTrue(checked.size() >= 16, checked.toString());
    }

    @Test
    void theDocumentTypesTheBodiesAndIsServedAsYaml() throws Exception {
        HttpResponse<String> served = get(HttpClient.newHttpClient(), "/openapi.yaml");
        assertEquals(200, served.statusCode());
        assertEquals("application/yaml", served.headers().firstValue("content-type").orElse(""));
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(served.body());
        JsonNode schemas = doc.at("/components/schemas");
        for (String name : List.of("DecisionRequest", "Context", "Decision", "BatchRequest", "BatchAnswer", "BatchItem", "Problem", "Outcome")) {
            assertTrue(schemas.has(name), name + " in " + schemas.fieldNames());
        }
        assertEquals(List.of("ALLOW", "ALLOW_WITH_CONDITIONS", "DENY", "NOT_ADDRESSED", "DEPENDS"),
                new ObjectMapper().convertValue(schemas.at("/Outcome/enum"), List.class));
        assertEquals(2, schemas.at("/BatchItem/oneOf").size());
        JsonNode decide = doc.at("/paths/~1v1~1decisions/post");
        assertEquals("#/components/schemas/DecisionRequest", decide.at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Decision", decide.at("/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Problem", decide.at("/responses/400/content/application~1problem+json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1v1~1policies~1{id}/put/security/0").has("bearer"), doc.at("/paths/~1v1~1policies~1{id}/put").toString());
        assertEquals("bearer", doc.at("/components/securitySchemes/bearer/scheme").asText());
        assertTrue(schemas.at("/Context/properties/optedOut/nullable").asBoolean());
    }

    @Test
    void swaggerUiIsServedTheDocumentAsServed() throws Exception {
        HttpResponse<String> ui = get(HttpClient.newHttpClient(), "/swagger-ui/index.html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("'/openapi.yaml'"), "Swagger UI loads /openapi.yaml");
        assertFalse(ui.body().contains("clausewise-v1.yml"), "not the generator's raw output");
        assertEquals(404, get(HttpClient.newHttpClient(), "/swagger/clausewise-v1.yml").statusCode(), "one document is served");
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
