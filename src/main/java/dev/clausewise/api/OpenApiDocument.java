package dev.clausewise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;

/**
 * The OpenAPI document as served: micronaut-openapi's output with each nullable reference made nullable in
 * OpenAPI 3.0's own terms. The generator writes a nullable reference as {@code nullable: true, allOf: [$ref]};
 * OAS 3.0.3 gives {@code nullable} no effect without a {@code type} beside it, and {@code allOf} keeps requiring
 * the referenced object, so strict validators refuse null there. Served instead:
 * {@code anyOf: [$ref, {type: object, nullable: true, enum: [null]}]}, whose second branch admits null only.
 * Also dropped: the {@code example: null} the generator writes on each media type when it merges two operations on
 * one path and method (POST /v1/diff, JSON and multipart); no operation takes a null body, so it documents nothing.
 */
final class OpenApiDocument {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private OpenApiDocument() {
    }

    static String served(String generated) throws IOException {
        JsonNode root = YAML.readTree(generated);
        rewrite(root);
        return YAML.writeValueAsString(root);
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (isNullableReference(o)) {
                JsonNode ref = o.remove("allOf").get(0);
                o.remove("nullable");
                ObjectNode onlyNull = JsonNodeFactory.instance.objectNode().put("type", "object").put("nullable", true);
                onlyNull.putArray("enum").addNull();
                o.putArray("anyOf").add(ref).add(onlyNull);
            }
            if (o.get("content") instanceof ObjectNode content) {
                content.forEach(mediaType -> {
                    if (mediaType instanceof ObjectNode m && m.has("example") && m.get("example").isNull()) {
                        m.remove("example");
                    }
                });
            }
        }
        node.forEach(OpenApiDocument::rewrite);
    }

    private static boolean isNullableReference(ObjectNode o) {
        JsonNode allOf = o.get("allOf");
        return o.path("nullable").asBoolean(false) && !o.has("type") && allOf instanceof ArrayNode a && a.size() == 1 && a.get(0).has("$ref");
    }
}
