package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Suggestions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --policies option every subcommand shares, and opening the catalog from it. */
public final class PoliciesOption {
    private final Builders builders;

    PoliciesOption(Builders builders) {
        this.builders = builders;
    }

    @Option(names = "--policies", defaultValue = "policies-yaml", description = "Folder with vocabulary.yaml and one folder per policy (default: ${DEFAULT-VALUE}).")
    Path policies;

    @Option(names = "--cache-dir", description = "Where compiled rules are kept between runs (default: $CLAUSEWISE_CACHE_DIR, "
            + "else ~/.cache/clausewise; `off`: no cache).")
    String cacheDir;

    RuleCache cache() {
        return RuleCache.configured(cacheDir, System.getenv());
    }

    /** Opens the catalog, printing every diagnostic; empty when the vocabulary is unusable. */
    Optional<PolicyCatalog> open(PrintStream err, boolean printDiagnostics) {
        Diagnostics vocabulary = new Diagnostics();
        PolicyCatalog.Result r = builders.builder(policies, vocabulary).map(b -> PolicyCatalog.open(policies, b.withCache(cache())))
                .orElseGet(() -> new PolicyCatalog.Result(Optional.empty(), vocabulary.sorted()));
        if (printDiagnostics || r.catalog().isEmpty()) {
            r.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
        }
        return r.catalog();
    }

    /**
     * A policy named on the command line (an id here, a folder or a policy.yaml file); empty, with the reason and a
     * "did you mean" printed, when there is none.
     */
    Optional<PolicyFiles> policyFiles(String arg) {
        try {
            return Optional.of(PolicyFiles.read(policies, arg));
        } catch (java.io.IOException e) {
            List<String> ids = PolicyCatalog.policyDirs(policies).stream().map(p -> p.getFileName().toString()).toList();
            System.err.println(arg + ": unknown_policy: no policy `" + arg + "` under " + policies + " and no such folder or file");
            System.err.println("    help: " + Optional.ofNullable(Suggestions.didYouMean(arg, ids)).orElse("policies: " + String.join(", ", ids)));
            return Optional.empty();
        }
    }

    /** Only the vocabulary: enough to build single policies without building them all. */
    Optional<PolicyBuilder> builder(PrintStream err) {
        Diagnostics d = new Diagnostics();
        Optional<PolicyBuilder> b = builders.builder(policies, d).map(p -> p.withCache(cache()));
        d.sorted().stream().map(Diagnostic::format).forEach(err::println);
        return b;
    }
}
