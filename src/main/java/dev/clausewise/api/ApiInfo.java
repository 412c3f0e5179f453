package dev.clausewise.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/** The OpenAPI document's header; the paths are generated from the controllers at compile time. */
@OpenAPIDefinition(info = @Info(title = "Clausewise", version = "v1",
        description = "Privacy policies as code: decisions with explanation trails that quote the policy.",
        license = @License(name = "Vocabulary includes fideslang (CC BY 4.0)")))
final class ApiInfo {
    private ApiInfo() {
    }
}
