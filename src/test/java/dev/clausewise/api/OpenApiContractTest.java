package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.clausewise.vocabulary.Dimension;
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

/**
 * What the linter and Prism hold the served document to: security per operation, nullable as OAS 3.0 means it; and
 * real answers of the JSON endpoints hold to the schemas it serves, field for field.
 */
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

    /** A lint finding with its witness, of a YAML that builds against mixpanel's served document. */
    static final String LINT = "policy: mixpanel\nstatements:\n"
            + "  - id: pixel-no-link\n    practice: use.combine\n    data: user.behavior.browsing_history\n    effect: deny\n"
            + "    cite: {section: S, quote: \"We do not tie the information gathered by pixel tags to our users' personal information.\"}\n"
            + "  - id: combine\n    practice: use.combine\n    purpose: analytics\n    effect: allow\n"
            + "    cite: {section: S, quote: \"Link or combine it with additional information we get from third parties\"}\n";

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
            String path = get.replaceFirst("\\?.*", "").replace("mixpanel", "{id}");
            conforms(doc, answer(doc, "get", path), body(r, get), get, off);
        }
        assertEquals(List.of(), off);
    }

    @Test
    void lintAndDiffAnswersAreTheirSchemas() throws Exception {
        JsonNode doc = served();
        List<String> off = new ArrayList<>();
        JsonNode lint = body(post("/v1/policies/lint", "application/yaml", HttpRequest.BodyPublishers.ofString(LINT)), "lint");
        assertTrue(lint.at("/findings/0/witness/outcome").isTextual(), lint.toString());
        conforms(doc, answer(doc, "post", "/v1/policies/lint"), lint, "lint", off);
        JsonNode broken = body(post("/v1/policies/lint", "application/yaml",
                HttpRequest.BodyPublishers.ofString("policy: mixpanel\nstatements:\n  - id: a\n    practice: share\n    effect: allow\n")), "lint");
        assertTrue(broken.at("/findings/0/witness/outcome").isNull(), "a policy that does not build is not asked: " + broken);
        conforms(doc, answer(doc, "post", "/v1/policies/lint"), broken, "lint of a policy that does not build", off);
        JsonNode same = body(post("/v1/diff", "application/json", HttpRequest.BodyPublishers.ofString("{\"a\":\"mixpanel\",\"b\":\"mixpanel\"}")), "diff");
        conforms(doc, answer(doc, "post", "/v1/diff"), same, "diff by id", off);
        String boundary = "clausewise-boundary";
        String parts = part(boundary, "a", LINT) + part(boundary, "b", LINT.replace("    effect: allow\n", "    effect: deny\n")) + "--" + boundary + "--\r\n";
        JsonNode changed = body(post("/v1/diff", "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofString(parts)), "diff");
        assertTrue(changed.get("changes").size() > 0 && changed.at("/changes/0/before/cites/0/quote").isTextual(), changed.toString());
        conforms(doc, answer(doc, "post", "/v1/diff"), changed, "diff of uploads", off);
        assertEquals(List.of(), off);
    }

    @Test
    void theVocabularyAnswerNamesEveryDimension() throws Exception {
        JsonNode v = body(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/v1/vocabulary")).build(),
                HttpResponse.BodyHandlers.ofString()), "vocabulary");
        for (Dimension d : Dimension.values()) {
            assertEquals(d != Dimension.DESTINATION, v.has(d.key()), d.key() + " (destination shares the region tree): " + v.fieldNames());
        }
    }

    /** The checker itself: a field sent that the schema does not name, a wrong type, a value outside an enum, a null where none is admitted. */
    @Test
    void aReplyOffItsSchemaIsCaught() throws Exception {
        JsonNode doc = YAML.readTree("components:\n  schemas:\n    R:\n      type: object\n      properties:\n"
                + "        n: {type: integer}\n        o: {type: string, enum: [ALLOW, DENY]}\n        s: {type: string}\n");
        JsonNode ref = YAML.readTree("$ref: '#/components/schemas/R'");
        List<String> off = new ArrayList<>();
        conforms(doc, ref, new ObjectMapper().readTree("{\"n\":1,\"o\":\"DENY\",\"s\":\"x\"}"), "ok", off);
        assertEquals(List.of(), off);
        conforms(doc, ref, new ObjectMapper().readTree("{\"n\":1,\"o\":\"DENY\",\"s\":\"x\",\"added\":true}"), "added", off);
        conforms(doc, ref, new ObjectMapper().readTree("{\"n\":\"1\",\"o\":\"MAYBE\",\"s\":null}"), "wrong", off);
        assertEquals(List.of("added: sent [added, n, o, s], schema [n, o, s]", "added.added: BOOLEAN against ", "wrong.n: \"1\" is not integer",
                "wrong.o: \"MAYBE\" is not one of [\"ALLOW\",\"DENY\"]", "wrong.s: null where the schema does not admit it"), off);
    }

    private HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("content-type", type).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String part(String boundary, String name, String yaml) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: application/yaml\r\n\r\n" + yaml + "\r\n";
    }

    private static JsonNode body(HttpResponse<String> r, String what) throws Exception {
        assertEquals(200, r.statusCode(), what + " " + r.body());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""), what);
        return new ObjectMapper().readTree(r.body());
    }

    /** The schema of an operation's 200 JSON answer, as the served document states it. */
    private static JsonNode answer(JsonNode doc, String method, String path) {
        JsonNode schema = doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method + "/responses/200/content/application~1json/schema");
        assertFalse(schema.isMissingNode(), method + " " + path + " has no JSON answer schema");
        return schema;
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
        } else if (!scalarOf(schema.path("type").asText(""), value)) {
            off.add(at + ": " + value + " is not " + schema.path("type").asText());
        } else if (schema.has("enum") && !schema.get("enum").toString().contains(value.toString())) {
            off.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
    }

    private static boolean scalarOf(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
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
