package dev.clausewise.testing;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.cli.Builders;
import dev.clausewise.source.Diagnostics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds shared by the whole test JVM: each policy file is built once, however many tests and in-process CLI runs
 * ask about it (building the bundled policies again for every test dominated the suite's time). Tests that change
 * policies build their own copies in temp folders, so nothing shared is ever changed.
 */
public final class SharedBuilds {
    public static final Path BUNDLED = Path.of("policies-yaml");

    /** One builder per folder, each building a given file once; a vocabulary with diagnostics is read again each time. */
    public static final Builders BUILDERS = new Builders() {
        private final Map<Path, PolicyBuilder> byRoot = new ConcurrentHashMap<>();

        @Override
        public Optional<PolicyBuilder> builder(Path root, Diagnostics diagnostics) {
            Path key = root.toAbsolutePath().normalize();
            PolicyBuilder known = byRoot.get(key);
            if (known != null) {
                return Optional.of(known);
            }
            Diagnostics d = new Diagnostics();
            Optional<PolicyBuilder> b = PolicyCatalog.builder(root, d).map(PolicyBuilder::sharingBuilds);
            diagnostics.addAll(d.sorted());
            return b.isPresent() && d.sorted().isEmpty() ? Optional.of(byRoot.computeIfAbsent(key, k -> b.get())) : b;
        }
    };

    private SharedBuilds() {
    }

    /** A new catalog of the bundled policies (its own live map) over the shared builds. */
    public static PolicyCatalog bundled() {
        return open(BUNDLED);
    }

    public static PolicyCatalog open(Path root) {
        return result(root).catalog().orElseThrow();
    }

    /** The catalog with every diagnostic of every policy, as {@link PolicyCatalog#open(Path)} returns them. */
    public static PolicyCatalog.Result result(Path root) {
        return PolicyCatalog.open(root, BUILDERS.builder(root, new Diagnostics()).orElseThrow());
    }
}
