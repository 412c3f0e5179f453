package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that reads policies shares, and resolving, building and opening policies with them. */
public final class PoliciesOption {
    private final Builders builders;
    private final Path cwd;

    PoliciesOption(Builders builders, Path cwd) {
        this.builders = builders;
        this.cwd = cwd;
    }

    @Option(names = "--policies", paramLabel = "DIR", description = "The policies root: vocabulary.yaml and one folder per policy (default: the root "
            + "the policy arguments lie in, else the working directory or the nearest folder above it that is a root or holds "
            + PolicyArgs.DEFAULT_ROOT + "/).")
    Path policies;

    @Option(names = "--cache-dir", description = "Where compiled rules are kept between runs (default: $CLAUSEWISE_CACHE_DIR, "
            + "else ~/.cache/clausewise; `off`: no cache).")
    String cacheDir;

    RuleCache cache() {
        return RuleCache.configured(cacheDir, System.getenv());
    }

    /** What the policy arguments name; empty, with every problem printed, when they cannot be resolved. */
    Optional<PolicyArgs> resolve(List<String> args) {
        return printed(PolicyArgs.resolve(cwd, policies, args));
    }

    /** What the arguments name when they must all be policies: a scenario file or another file is a usage error. */
    Optional<PolicyArgs> resolvePolicies(List<String> args) {
        Optional<PolicyArgs> named = resolve(args);
        if (named.isPresent() && !named.get().files().isEmpty()) {
            System.err.println(named.get().files().get(0) + ": not_a_policy: not a policy.yaml (scenario files are run by `test`)\n    help: "
                    + ExitCodes.POLICY_ARGS);
            return Optional.empty();
        }
        return named;
    }

    /** The one policy {@code arg} names (an id, a folder or a policy.yaml file). */
    Optional<PolicyArgs> one(String what, String arg) {
        return resolve(List.of(arg)).flatMap(a -> printed(a.one(what)));
    }

    /** Each argument's one policy, in argument order (a policy named twice is there twice), in the root they resolve to together. */
    Optional<PolicyArgs> each(String what, List<String> args) {
        Optional<PolicyArgs> all = resolve(args);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<PolicyArgs.Target> targets = new java.util.ArrayList<>();
        for (String arg : args) {
            Optional<PolicyArgs> one = printed(PolicyArgs.resolve(cwd, all.get().root(), List.of(arg))).flatMap(a -> printed(a.one(what)));
            if (one.isEmpty()) {
                return Optional.empty();
            }
            targets.add(one.get().policies().get(0));
        }
        return Optional.of(new PolicyArgs(all.get().root(), targets, List.of()));
    }

    private static Optional<PolicyArgs> printed(PolicyArgs.Result r) {
        r.problems().stream().map(Diagnostic::format).forEach(System.err::println);
        return r.args();
    }

    /** Opens the catalog of {@code root}, printing every diagnostic; empty when the vocabulary is unusable. */
    Optional<PolicyCatalog> open(Path root, PrintStream err, boolean printDiagnostics) {
        return open(root, root, err, printDiagnostics);
    }

    /** Opens the policy folders of {@code folder} built with the vocabulary of {@code root}. */
    Optional<PolicyCatalog> open(Path folder, Path root, PrintStream err, boolean printDiagnostics) {
        Diagnostics vocabulary = new Diagnostics();
        PolicyCatalog.Result r = builders.builder(root, vocabulary).map(b -> PolicyCatalog.open(folder, b.withCache(cache())))
                .orElseGet(() -> new PolicyCatalog.Result(Optional.empty(), vocabulary.sorted()));
        if (printDiagnostics || r.catalog().isEmpty()) {
            r.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
        }
        return r.catalog();
    }

    /** Only the vocabulary of {@code root}: enough to build single policies without building them all. */
    Optional<PolicyBuilder> builder(Path root, PrintStream err) {
        Diagnostics d = new Diagnostics();
        Optional<PolicyBuilder> b = builders.builder(root, d).map(p -> p.withCache(cache()));
        d.sorted().stream().map(Diagnostic::format).forEach(err::println);
        return b;
    }

    /** A policy's files; empty, with the reason printed, when they cannot be read. */
    static Optional<PolicyFiles> read(PolicyArgs.Target t, String expectedId) {
        try {
            return Optional.of(PolicyFiles.read(t, expectedId));
        } catch (IOException e) {
            System.err.println(Diagnostic.error("unreadable", SourceLocation.of(t.file().toString()), "cannot read: " + e.getMessage(), null).format());
            return Optional.empty();
        }
    }
}
