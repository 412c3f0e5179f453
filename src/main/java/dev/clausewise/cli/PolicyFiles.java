package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A policy's files as read for building: its policy.yaml and the document beside it. */
record PolicyFiles(String expectedId, Path file, String yaml, String document) {
    /** @param expectedId the id the policy must have (its folder's name), or null to take any */
    static PolicyFiles read(PolicyArgs.Target target, String expectedId) throws IOException {
        Path source = target.dir().resolve(PolicyBuilder.SOURCE_FILE);
        String document = Files.exists(source) ? Files.readString(source, StandardCharsets.UTF_8) : null;
        return new PolicyFiles(expectedId, target.file(), Files.readString(target.file(), StandardCharsets.UTF_8), document);
    }

    PolicyBuild build(PolicyBuilder builder) {
        return builder.build(expectedId, file.toString(), yaml, document);
    }
}
