package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.Diagnostic;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The --policies option every subcommand shares, and opening the catalog from it. */
public final class PoliciesOption {
    @Option(names = "--policies", defaultValue = "policies-yaml", description = "Folder with vocabulary.yaml and one folder per policy (default: ${DEFAULT-VALUE}).")
    Path policies;

    /** Opens the catalog, printing every diagnostic; empty when the vocabulary is unusable. */
    Optional<PolicyCatalog> open(PrintStream err, boolean printDiagnostics) {
        PolicyCatalog.Result r = PolicyCatalog.open(policies);
        if (printDiagnostics || r.catalog().isEmpty()) {
            r.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
        }
        return r.catalog();
    }

    /** Only the vocabulary: enough to build single policies without building them all. */
    Optional<PolicyBuilder> builder(PrintStream err) {
        Diagnostics d = new Diagnostics();
        Optional<PolicyBuilder> b = PolicyCatalog.builder(policies, d);
        d.sorted().stream().map(Diagnostic::format).forEach(err::println);
        return b;
    }
}
