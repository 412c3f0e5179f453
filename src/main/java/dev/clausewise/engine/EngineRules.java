package dev.clausewise.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hand-written engine rules of rules/, shipped on the classpath under rules/. */
public final class EngineRules {
    public static final List<String> FILES = List.of("rules/decision.drl");

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
}
