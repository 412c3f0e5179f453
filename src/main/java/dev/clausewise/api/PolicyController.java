package dev.clausewise.api;

import dev.clausewise.api.PolicyBodies.PolicyDetails;
import dev.clausewise.api.PolicyBodies.PolicyList;
import dev.clausewise.api.PolicyBodies.PolicySummary;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
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

/** Read-only views of the served policies: list, statements, generated DRL, source document. */
@Tag(name = "policies")
@SecurityRequirement(name = "")
@Controller("/v1/policies")
final class PolicyController {
    private final PolicyCatalog catalog;

    PolicyController(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Loaded policies with version and digest")
    @ApiResponse(responseCode = "406", description = "the Accept header excludes this media type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "200", description = "the loaded policies")
    @Get(produces = MediaType.APPLICATION_JSON)
    PolicyList list() {
        return new PolicyList(catalog.policies().values().stream().map(PolicySummary::of).toList());
    }

    @Operation(summary = "A policy's normalized statements with cites and source locations")
    @ApiResponse(responseCode = "404", description = "no such policy is loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "200", description = "the policy and its statements")
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    PolicyDetails one(@PathVariable String id) {
        return PolicyDetails.of(find(id));
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
}
