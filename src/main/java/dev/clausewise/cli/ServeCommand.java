package dev.clausewise.cli;

import dev.clausewise.api.Server;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the REST API on the policies folder.")
final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Mixin
    PoliciesOption policies;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        if (!java.nio.file.Files.isRegularFile(policies.policies.resolve("vocabulary.yaml"))) {
            System.err.println(policies.policies + ": missing_vocabulary: no vocabulary.yaml here");
            System.err.println("    help: run from the project folder or pass --policies DIR");
            return 2;
        }
        dev.clausewise.source.Diagnostics vocabulary = new dev.clausewise.source.Diagnostics();
        if (dev.clausewise.catalog.PolicyCatalog.builder(policies.policies, vocabulary).isEmpty()) {
            // One line an operator can read in a crash-looping pod's log, and a non-zero exit.
            System.err.println("cannot serve: " + vocabulary.sorted().stream().filter(dev.clausewise.source.Diagnostic::isError).findFirst()
                    .map(d -> d.location() + ": " + d.code() + ": " + d.message()).orElse("the vocabulary is invalid"));
            return 2;
        }
        Server.start(port, policies.policies, policies.cacheDir);
        serving = true;
        return 0;
    }
}
