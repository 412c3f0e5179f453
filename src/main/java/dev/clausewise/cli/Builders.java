package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostics;
import java.nio.file.Path;
import java.util.Optional;

/** Where the commands get the builder of a policies folder (its vocabulary): read afresh, or shared within a process. */
@FunctionalInterface
public interface Builders {
    /** Every run reads the vocabulary and builds every policy it names: the command line. */
    Builders FRESH = PolicyCatalog::builder;

    Optional<PolicyBuilder> builder(Path root, Diagnostics diagnostics);
}
