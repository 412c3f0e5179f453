package dev.clausewise.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.io.ResourceFactory;

/**
 * The engine rules (rules/) compiled once per process, or read from the rule cache, and kept as bytes: every
 * KieBase reads its own copy. Sharing the compiled package objects themselves is what Drools does when the same
 * package is added to a second KieBase (KnowledgeBaseImpl.addPackages clones a package already in use by
 * serializing it), but that clone would read the package while the first KieBase, on another build thread, is
 * still wiring it; reading fixed bytes has no such race.
 */
final class EnginePackages {
    static final String CACHE_ENTRY = "engine";
    private static Compiled compiled;

    /** The compiled engine rules (bytes), or the errors that kept them from compiling, with their file and line. */
    record Compiled(Optional<byte[]> bytes, List<BuildError> errors) {
        Compiled {
            errors = List.copyOf(errors);
        }
    }

    record BuildError(String path, int line, String message) {
    }

    private EnginePackages() {
    }

    /** Compiled once per process: the first caller compiles (or loads from {@code cache}), the others wait for it. */
    static synchronized Compiled get(RuleCache cache) {
        if (compiled == null) {
            compiled = load(cache);
        }
        return compiled;
    }

    /** Reads the engine packages from {@code cache} if an entry for exactly these rules is there, else compiles and stores them. */
    static Compiled load(RuleCache cache) {
        String key = key();
        Optional<byte[]> hit = cache.load(CACHE_ENTRY, key);
        if (hit.isPresent()) {
            return new Compiled(hit, List.of());
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String file : EngineRules.FILES) {
            builder.add(ResourceFactory.newByteArrayResource(EngineRules.read(file).getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(file), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            return new Compiled(Optional.empty(), builder.getErrors().stream().map(EnginePackages::error).toList());
        }
        byte[] bytes = PackageBytes.write(builder.getKnowledgePackages());
        cache.store(CACHE_ENTRY, key, bytes);
        return new Compiled(Optional.of(bytes), List.of());
    }

    static BuildError error(KnowledgeBuilderResult r) {
        int line = r.getLines().length > 0 ? r.getLines()[0] : 0;
        String path = r.getResource() == null ? "" : r.getResource().getSourcePath();
        return new BuildError(path, line, r.getMessage().lines().findFirst().orElse("rule build failed"));
    }

    static String key() {
        return RuleKey.of("engine", EngineRules.digest(), EngineRules.text());
    }
}
