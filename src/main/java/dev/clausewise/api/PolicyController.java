package dev.clausewise.api;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Json;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Statement;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views of the served policies: list, statements, generated DRL, source document. */
@Tag(name = "policies")
@SecurityRequirement(name = "")
@Controller("/v1/policies")
final class PolicyController {
    private final PolicyCatalog catalog;

    PolicyController(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @Schema(name = "PolicySummary")
    record PolicySummary(String id, String title, String document, @Nullable @Schema(nullable = true) String effective, PolicyRef version,
                         int statements) {
    }

    record StatementView(String id, String description, Map<String, List<String>> scope, String effect, List<String> conditions,
                         Object retention, List<String> overrides, Object cite, String location) {
    }

    @Operation(summary = "Loaded policies with version and digest")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "200", description = "the loaded policies", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportBodies.PolicyList.class)))
    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> list() {
        List<PolicySummary> out = catalog.policies().values().stream().map(PolicyController::summary).toList();
        return json(Map.of("policies", out));
    }

    @Operation(summary = "A policy's normalized statements with cites and source locations")
    @ApiResponse(responseCode = "404", description = "no such policy is loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "200", description = "the policy and its statements", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportBodies.PolicyDetails.class)))
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> one(@PathVariable String id) {
        LoadedPolicy p = find(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", summary(p));
        body.put("statements", p.policy().statements().stream().map(PolicyController::view).toList());
        return json(body);
    }

    @Operation(summary = "The generated DRL of a policy")
    @ApiResponse(responseCode = "404", description = "no such policy is loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/{id}/drl", produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> drl(@PathVariable String id) {
        return HttpResponse.ok(find(id).drl().text()).contentType(MediaType.TEXT_PLAIN_TYPE);
    }

    @Operation(summary = "The policy document")
    @ApiResponse(responseCode = "404", description = "no such policy is loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/{id}/source", produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> source(@PathVariable String id) {
        return HttpResponse.ok(find(id).document()).contentType(MediaType.TEXT_PLAIN_TYPE);
    }

    private LoadedPolicy find(String id) {
        return catalog.policy(id).orElseThrow(() -> new ProblemException(Problem.of("id", "unknown_policy", "no policy `" + id + "` is loaded",
                dev.clausewise.source.Suggestions.didYouMean(id, catalog.policies().keySet()))));
    }

    private static PolicySummary summary(LoadedPolicy p) {
        return new PolicySummary(p.policy().id(), p.policy().title(), p.policy().source().document(), p.policy().source().effective(),
                p.ref(), p.policy().statements().size());
    }

    private static StatementView view(Statement s) {
        Map<String, List<String>> scope = new LinkedHashMap<>();
        s.scope().forEach((d, keys) -> scope.put(d.key(), keys));
        return new StatementView(s.id(), s.description(), scope, s.effect().name().toLowerCase(), s.conditions(), s.retention(),
                s.overrides(), s.cite(), s.location().toString());
    }

    static HttpResponse<String> json(Object body) {
        return HttpResponse.ok(Json.write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
