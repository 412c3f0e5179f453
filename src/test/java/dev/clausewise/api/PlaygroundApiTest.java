package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The playground page and the two policy views it reads: YAML as written, scenario files. */
@MicronautTest
class PlaygroundApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void thePageIsServedAtTheRootAndMayLoadNothingFromAnotherHost() {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);
        assertEquals(200, page.code());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(page.body().contains("<title>Clausewise playground</title>"));
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("connect-src 'self'"), csp);
        for (String asset : new String[] {"/playground/app.js", "/playground/style.css"}) {
            assertTrue(page.body().contains(asset), asset);
            assertEquals(200, client.toBlocking().exchange(HttpRequest.GET(asset), String.class).code(), asset);
        }
    }

    @Test
    void yamlIsThePolicyFileAsWritten() throws Exception {
        String yaml = client.toBlocking().retrieve("/v1/policies/mixpanel/yaml");
        assertEquals(Files.readString(Path.of("policies-yaml/mixpanel/policy.yaml")), yaml);
    }

    @Test
    void scenariosAreTheFilesOfTheScenariosFolder() throws Exception {
        JsonNode body = JSON.readTree(client.toBlocking().retrieve("/v1/policies/mixpanel/scenarios"));
        JsonNode files = body.get("files");
        assertEquals(3, files.size());
        assertEquals("cross-policy.yaml", files.get(0).get("file").asText());
        assertEquals("reader.yaml", files.get(1).get("file").asText());
        assertEquals("suite.yaml", files.get(2).get("file").asText());
        assertEquals(Files.readString(Path.of("policies-yaml/mixpanel/scenarios/suite.yaml")), files.get(2).get("yaml").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/policies/mixpanl/yaml", "/v1/policies/mixpanl/scenarios", "/v1/policies/..%2F..%2Fetc/yaml"})
    void onlyServedPoliciesAreRead(String uri) throws Exception {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(uri));
        assertEquals(404, e.getStatus().getCode());
        JsonNode err = JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertTrue(err.get("code").asText().equals("unknown_policy") || err.get("code").asText().equals("not_found"), err.toString());
        if (uri.contains("mixpanl")) {
            assertEquals("did you mean `mixpanel`?", err.get("errors").get(0).get("help").asText());
        }
    }
}
