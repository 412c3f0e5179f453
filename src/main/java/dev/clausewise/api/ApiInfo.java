package dev.clausewise.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/** The OpenAPI document's header; the paths are generated from the controllers at compile time. */
@OpenAPIDefinition(info = @Info(title = "Clausewise", version = "v1",
        description = "Privacy policies as code: decisions with explanation trails that quote the policy.",
        license = @License(name = "Vocabulary includes fideslang (CC BY 4.0)", url = "https://creativecommons.org/licenses/by/4.0/")),
        servers = @Server(url = "/", description = "the service that serves this document"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "clausewise.authoring.token (env CLAUSEWISE_AUTHORING_TOKEN); authoring over REST is off without it")
final class ApiInfo {
    private ApiInfo() {
    }
}
