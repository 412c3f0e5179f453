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
    /** Longer scalars are refused: a quoted clause is a few sentences; a megabyte string only costs every later step. */
    public static final int MAX_SCALAR = 20_000;
    public static final int MAX_KEY = 200;
    /** Policy files nest a few levels; deeper is refused before the recursion gets costly. */
    public static final int MAX_DEPTH = 64;
    /** What is kept of a refused value, so that later messages quoting it stay short. */
    private static final int KEPT = 80;

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
            return Optional.of(r.node(t, 1));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            SourceLocation at = l == null ? SourceLocation.of(file) : new SourceLocation(file, l.getLineNr(), l.getColumnNr());
            diagnostics.error("yaml_syntax", at, e.getOriginalMessage().lines().findFirst().orElse("invalid YAML"),
                    "check the indentation and quoting near this position");
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.error("unreadable", SourceLocation.of(file), e.getMessage(), null);
            return Optional.empty();
        } catch (RuntimeException e) {
            // The YAML scanner reports some malformed input (limits, encodings) as unchecked exceptions: still bad input.
            diagnostics.error("yaml_syntax", SourceLocation.of(file), String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid YAML"),
                    "check the indentation and quoting near this position");
            return Optional.empty();
        }
    }

    private SourceLocation here() {
        JsonLocation l = parser.currentTokenLocation();
        return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
    }

    private YamlNode node(JsonToken t, int depth) throws IOException {
        SourceLocation at = here();
        if (parser.isCurrentAlias()) {
            // Jackson hands an alias over as its anchor's name: reading it would turn `effect: *allow` into "allow".
            diagnostics.error("yaml_alias", at, "aliases (`*" + clip(parser.getText()) + "`) are not supported in policy files",
                    "write the value itself instead of an anchor and an alias");
            return new YamlNode.Scalar(null, true, at);
        }
        if (depth > MAX_DEPTH && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            diagnostics.error("too_deep", at, "the document nests deeper than " + MAX_DEPTH + " levels", null);
            parser.skipChildren();
            return new YamlNode.Scalar(null, true, at);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, SourceLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourceLocation keyAt = here();
                    if (key.length() > MAX_KEY) {
                        diagnostics.error("key_too_long", keyAt, "a key of " + key.length() + " characters; keys have at most " + MAX_KEY, null);
                        key = clip(key);
                    }
                    YamlNode value = node(parser.nextToken(), depth + 1);
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
                    items.add(node(n, depth + 1));
                }
                return new YamlNode.Sequence(items, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, true, at);
            }
            default -> {
                String text = parser.getText();
                if (text.length() > MAX_SCALAR) {
                    diagnostics.error("value_too_long", at, "a value of " + text.length() + " characters; values have at most " + MAX_SCALAR,
                            "quote the clause, not the document");
                    text = clip(text);
                }
                return new YamlNode.Scalar(text, false, at);
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= KEPT ? s : s.substring(0, KEPT) + "…";
    }
}
