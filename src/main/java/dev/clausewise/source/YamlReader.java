package dev.clausewise.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads YAML text into {@link YamlNode}s with start positions; syntax errors and duplicate keys become diagnostics. */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final String file;
    private final Diagnostics diagnostics;
    private YAMLParser parser;

    private YamlReader(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /** The document's root node, or empty when the text is not YAML (the reason is in diagnostics). */
    public static Optional<YamlNode> read(String file, String text, Diagnostics diagnostics) {
        YamlReader r = new YamlReader(file, diagnostics);
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            r.parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                diagnostics.error("empty_document", SourceLocation.of(file), "the file holds no YAML document", null);
                return Optional.empty();
            }
            return Optional.of(r.node(t));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            SourceLocation at = l == null ? SourceLocation.of(file) : new SourceLocation(file, l.getLineNr(), l.getColumnNr());
            diagnostics.error("yaml_syntax", at, e.getOriginalMessage().lines().findFirst().orElse("invalid YAML"),
                    "check the indentation and quoting near this position");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error("unreadable", SourceLocation.of(file), e.getMessage(), null);
            return Optional.empty();
        }
    }

    private SourceLocation here() {
        JsonLocation l = parser.currentTokenLocation();
        return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
    }

    private YamlNode node(JsonToken t) throws IOException {
        SourceLocation at = here();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = here();
                    YamlNode value = node(parser.nextToken());
                    if (entries.containsKey(key)) {
                        diagnostics.error("duplicate_key", keyAt, "key `" + key + "` appears twice in this mapping",
                                "the first is at " + keys.get(key) + "; remove one of them");
                    } else {
                        entries.put(key, value);
                        keys.put(key, keyAt);
                    }
                }
                return new YamlNode.Mapping(entries, keys, at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(n));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, true, at);
            }
            default -> {
                return new YamlNode.Scalar(parser.getText(), false, at);
            }
        }
    }
}
