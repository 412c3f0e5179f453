package dev.clausewise.cli;

import dev.clausewise.api.Server;
import dev.clausewise.source.Diagnostic;
import java.nio.file.Path;
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
        java.util.Optional<PolicyArgs> named = policies.resolve(java.util.List.of());
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Path root = named.get().root().toString().isEmpty() ? Path.of(".") : named.get().root();
        Server.Started started = Server.start(port, root, policies.cacheDir);
        if (started.refusal().isPresent()) {
            // One line an operator can read in a crash-looping pod's log, and a non-zero exit.
            Diagnostic d = started.refusal().get();
            System.err.println("cannot serve: " + d.location() + ": " + d.code() + ": " + d.message());
            return ExitCodes.USAGE;
        }
        serving = true;
        return ExitCodes.OK;
    }
}
