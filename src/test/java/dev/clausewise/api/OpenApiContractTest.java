package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the linter and Prism hold the served document to: security per operation, nullable as OAS 3.0 means it. */
@MicronautTest
class OpenApiContractTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Inject
    EmbeddedServer server;

    JsonNode served() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return YAML.readTree(r.body());
    }

    @Test
    void everyOperationDeclaresItsSecurity() throws Exception {
        JsonNode paths = served().get("paths");
        List<String> missing = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (!op.getValue().has("security")) {
                missing.add(op.getKey() + " " + p.getKey());
            }
        }));
        assertEquals(List.of(), missing);
        assertEquals("[{}]", paths.at("/~1v1~1decisions/post/security").toString(), "public: no credentials");
        assertEquals("[{\"bearer\":[]}]", paths.at("/~1v1~1policies~1{id}/put/security").toString(), "authoring: the bearer token only");
        JsonNode validate = paths.at("/~1v1~1policies~1validate/post/security");
        assertTrue(validate.toString().contains("{}") && validate.toString().contains("bearer"), "analysis: the token when require-token is on " + validate);
    }

    @Test
    void everyNullableHasATypeAndNullableReferencesAdmitNull() throws Exception {
        JsonNode doc = served();
        List<String> untyped = new ArrayList<>();
        walk(doc, "", untyped);
        assertEquals(List.of(), untyped, "nullable without type has no effect in OAS 3.0.3");
        JsonNode version = doc.at("/components/schemas/ValidationReport/properties/version");
        assertEquals("#/components/schemas/PolicyRef", version.at("/anyOf/0/$ref").asText(), version.toString());
        assertEquals("[null]", version.at("/anyOf/1/enum").toString(), version.toString());
        assertTrue(doc.at("/components/schemas/TrailStep/properties/statement/nullable").asBoolean(), "a normalize step has no statement");
    }

    @Test
    void aNullableReferenceIsRewrittenAndTypedNullablesAreLeftAlone() throws Exception {
        String generated = "a:\n  nullable: true\n  description: d\n  allOf:\n  - $ref: '#/components/schemas/X'\nb:\n  type: string\n  nullable: true\n";
        JsonNode out = YAML.readTree(OpenApiDocument.served(generated));
        assertEquals("{\"description\":\"d\",\"anyOf\":[{\"$ref\":\"#/components/schemas/X\"},{\"type\":\"object\",\"nullable\":true,\"enum\":[null]}]}",
                out.get("a").toString());
        assertEquals("{\"type\":\"string\",\"nullable\":true}", out.get("b").toString());
    }

    @Test
    void aMergedOperationsNullExampleIsDroppedAndRealExamplesKept() throws Exception {
        String generated = "content:\n  application/json:\n    schema: {$ref: '#/components/schemas/X'}\n    example: null\n"
                + "  text/plain:\n    schema: {type: string}\n    example: hello\n";
        JsonNode out = YAML.readTree(OpenApiDocument.served(generated));
        assertEquals("{\"schema\":{\"$ref\":\"#/components/schemas/X\"}}", out.at("/content/application~1json").toString());
        assertEquals("hello", out.at("/content/text~1plain/example").asText());
        JsonNode diff = served().at("/paths/~1v1~1diff/post/requestBody/content");
        assertTrue(diff.has("application/json") && diff.has("multipart/form-data"), diff.toString());
        diff.forEach(m -> assertTrue(!m.has("example") || !m.get("example").isNull(), diff.toString()));
    }

    @Test
    void everyJsonAnswerHasAComponentSchemaThatNamesTheFieldsSent() throws Exception {
        JsonNode doc = served();
        List<String> untyped = new ArrayList<>();
        doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            JsonNode ok = op.getValue().at("/responses/200/content/application~1json/schema");
            if (!ok.isMissingNode() && !ok.has("$ref") && !ok.has("anyOf")) {
                untyped.add(op.getKey() + " " + p.getKey() + ": " + ok);
            }
        }));
        assertEquals(List.of(), untyped);
        List<String> off = new ArrayList<>();
        for (String get : List.of("/v1/policies", "/v1/policies/mixpanel", "/v1/vocabulary", "/v1/policies/mixpanel/scenarios",
                "/v1/compare?practice=share.sell", "/v1/compare?policy=mixpanel&rows=practice&cols=recipient&practice=share")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + get)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), get + " " + r.body());
            String path = get.replaceFirst("\\?.*", "").replace("mixpanel", "{id}").replace("/", "~1");
            conforms(doc, doc.at("/paths/" + path + "/get/responses/200/content/application~1json/schema"), new ObjectMapper().readTree(r.body()), get, off);
        }
        assertEquals(List.of(), off);
    }

    /** The fields of every object sent are the properties its schema names, all of them, nested; null only where nullable. */
    static void conforms(JsonNode doc, JsonNode schema, JsonNode value, String at, List<String> off) {
        if (schema.has("$ref")) {
            conforms(doc, doc.at(schema.get("$ref").asText().substring(1)), value, at, off);
        } else if (schema.has("anyOf") || schema.has("oneOf")) {
            JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
            List<String> best = null;
            for (JsonNode b : branches) {
                List<String> o = new ArrayList<>();
                conforms(doc, b, value, at, o);
                best = best == null || o.size() < best.size() ? o : best;
            }
            off.addAll(best);
        } else if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                off.add(at + ": null where the schema does not admit it");
            }
        } else if (value.isArray()) {
            value.forEach(v -> conforms(doc, schema.path("items"), v, at + "[]", off));
        } else if (value.isObject() && schema.has("properties")) {
            List<String> sent = new ArrayList<>();
            value.fieldNames().forEachRemaining(sent::add);
            List<String> named = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(named::add);
            if (!new java.util.TreeSet<>(sent).equals(new java.util.TreeSet<>(named))) {
                off.add(at + ": sent " + new java.util.TreeSet<>(sent) + ", schema " + new java.util.TreeSet<>(named));
            }
            value.properties().forEach(e -> conforms(doc, schema.path("properties").path(e.getKey()), e.getValue(), at + "." + e.getKey(), off));
        } else if (value.isObject() && schema.has("additionalProperties")) {
            value.properties().forEach(e -> conforms(doc, schema.get("additionalProperties"), e.getValue(), at + "." + e.getKey(), off));
        } else if (value.isObject() || schema.isMissingNode()) {
            off.add(at + ": " + value.getNodeType() + " against " + schema);
        }
    }

    static void walk(JsonNode node, String at, List<String> untyped) {
        if (node.path("nullable").asBoolean(false) && !node.has("type")) {
            untyped.add(at);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> walk(e.getValue(), at + "/" + e.getKey(), untyped));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, untyped);
            }
        }
    }
}
