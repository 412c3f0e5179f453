package dev.clausewise.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hand-written engine rules of rules/, shipped on the classpath under rules/. */
public final class EngineRules {
    public static final List<String> FILES = List.of("rules/decision.drl");
    private static final String TEXT = String.join("\n", FILES.stream().map(EngineRules::read).toList());
    private static final String DIGEST = RuleKey.sha256(TEXT.getBytes(StandardCharsets.UTF_8));

    private EngineRules() {
    }

    public static String read(String path) {
        try (InputStream in = EngineRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("engine rules missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every engine rule file, in order. */
    static String text() {
        return TEXT;
    }

    /** The SHA-256 of the engine rules: part of every rule cache key. */
    public static String digest() {
        return DIGEST;
    }
}
