package dev.clausewise.api;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.testing.SharedBuilds;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;

/**
 * The REST tests on the bundled policies serve a catalog over the test JVM's shared builds instead of building
 * every policy again for each application context; a test serving another folder gets the real factory.
 */
@Factory
final class SharedCatalogFactory {
    @Context
    @Replaces(value = PolicyCatalog.class, factory = CatalogFactory.class)
    @Requires(property = "clausewise.policies", value = "policies-yaml", defaultValue = "policies-yaml")
    PolicyCatalog catalog() {
        return SharedBuilds.bundled();
    }
}
