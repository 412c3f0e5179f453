package dev.clausewise.api;

import dev.clausewise.wire.Problem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * With {@code clausewise.analysis.require-token: true}, the analysis endpoints need the authoring bearer token,
 * checked before the body is read, so that an anonymous client cannot spend the analysis budget.
 */
@ServerFilter({"/v1/policies/lint", "/v1/policies/validate", "/v1/diff", "/v1/compare", "/v1/scenarios/run"})
@Requires(property = "clausewise.analysis.require-token", value = "true")
final class AnalysisTokenFilter {
    private final String token;

    AnalysisTokenFilter(@Value("${clausewise.authoring.token:}") String token) {
        this.token = token;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (token.isEmpty()) {
            return ErrorHandlers.respond(Problem.of("Authorization", "authoring_disabled", "analysis needs the authoring token, and none is configured",
                    "configure clausewise.authoring.token, or set clausewise.analysis.require-token=false"));
        }
        String authorization = request.getHeaders().get("Authorization");
        if (authorization == null || !AuthoringController.constantTimeEquals(authorization, "Bearer " + token)) {
            return ErrorHandlers.respond(Problem.of("Authorization", "unauthorized", "analysis endpoints need a valid bearer token here",
                    "send Authorization: Bearer <token>"));
        }
        return null;
    }
}
