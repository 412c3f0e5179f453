package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests run while `bin/clausewise serve` holds port 8080: the test environment serves on a random port. */
class PortTest {
    @Test
    void theTestEnvironmentStartsWhilePort8080IsTaken() throws IOException {
        try (ServerSocket taken = occupy8080();
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                     "clausewise.policies", PolicyDirs.copy(Files.createTempDirectory("clausewise-port"), "tiny").toString(),
                     "clausewise.watch", false), Environment.TEST)) {
            assertNotEquals(8080, server.getPort());
        }
    }

    /** Holds 8080 for the test, or leaves it to whoever already holds it (then it is taken all the same). */
    private static ServerSocket occupy8080() throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.bind(new InetSocketAddress(8080));
        } catch (BindException alreadyTaken) {
            // someone else holds it: the condition the test needs
        }
        return s;
    }
}
