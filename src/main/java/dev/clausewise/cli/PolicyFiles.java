package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A policy named on the command line: an id under --policies, a folder holding policy.yaml, or a policy.yaml file. */
record PolicyFiles(String expectedId, Path file, String yaml, String document) {
    /** Reads the policy; {@code expectedId} is the folder name for an id under --policies, null for a path given directly. */
    static PolicyFiles read(Path policies, String arg) throws IOException {
        Path given = Path.of(arg);
        boolean byId = !Files.exists(given) && Files.isRegularFile(policies.resolve(arg).resolve(PolicyBuilder.POLICY_FILE));
        Path file = byId ? policies.resolve(arg).resolve(PolicyBuilder.POLICY_FILE)
                : Files.isDirectory(given) ? given.resolve(PolicyBuilder.POLICY_FILE) : given;
        Path source = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(PolicyBuilder.SOURCE_FILE);
        String document = Files.exists(source) ? Files.readString(source, StandardCharsets.UTF_8) : null;
        return new PolicyFiles(byId ? arg : null, file, Files.readString(file, StandardCharsets.UTF_8), document);
    }

    PolicyBuild build(PolicyBuilder builder) {
        return builder.build(expectedId, file.toString(), yaml, document);
    }
}
