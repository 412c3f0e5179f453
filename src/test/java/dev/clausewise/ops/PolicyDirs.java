package dev.clausewise.ops;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** Fresh policy folders for tests that change policies: the vocabulary plus chosen bundled policies. */
final class PolicyDirs {
    private PolicyDirs() {
    }

    static Path copy(Path target, String... policies) throws IOException {
        Files.createDirectories(target);
        Files.copy(Path.of("policies-yaml/vocabulary.yaml"), target.resolve("vocabulary.yaml"), StandardCopyOption.REPLACE_EXISTING);
        for (String id : policies) {
            Path from = id.equals("tiny") ? Path.of("src/test/resources/fixtures/tiny") : Path.of("policies-yaml", id);
            Path to = target.resolve(id);
            Files.createDirectories(to);
            Files.copy(from.resolve("policy.yaml"), to.resolve("policy.yaml"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(from.resolve("source.txt"), to.resolve("source.txt"), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * A service on a random port over fresh copies of {@code policies} in a temp folder named from {@code name}, with
     * its own decision log and no folder watch, plus {@code settings}.
     */
    static EmbeddedServer serve(String name, Map<String, Object> settings, String... policies) throws IOException {
        Path base = Files.createTempDirectory(name);
        Map<String, Object> p = new HashMap<>(Map.of("micronaut.server.port", -1,
                "clausewise.policies", copy(base.resolve("policies"), policies).toString(),
                "clausewise.decision-log.dir", base.resolve("log").toString(), "clausewise.watch", false));
        p.putAll(settings);
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    /** Writes through a temp file and a rename, as an editor or a ConfigMap update does. */
    static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
