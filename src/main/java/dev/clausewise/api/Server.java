package dev.clausewise.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.Map;

/** Starts the HTTP service on a policies folder. */
public final class Server {
    private Server() {
    }

    public static ApplicationContext start(int port, Path policies) {
        return Micronaut.build(new String[0])
                .mainClass(Server.class)
                .banner(false)
                .properties(Map.of("micronaut.server.port", port, "clausewise.policies", policies.toString()))
                .start();
    }
}
