package dev.clausewise.api;

import dev.clausewise.api.PolicyBodies.ScenarioFile;
import dev.clausewise.api.PolicyBodies.ScenarioFiles;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Suggestions;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The web playground at {@code /} and the two views of a served policy it needs that no other endpoint gives:
 * the policy's YAML as authored (for the editor and the diff against it) and its scenario files.
 */
@SecurityRequirement(name = "")
@Controller
final class PlaygroundController {
    /** The page loads only its own files and talks only to this service: it works offline and on a closed network. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final String YAML = "application/yaml";

    private final PolicyCatalog catalog;
    private final String page;

    PlaygroundController(PolicyCatalog catalog) {
        this.catalog = catalog;
        try (InputStream in = PlaygroundController.class.getResourceAsStream("/playground/index.html")) {
            this.page = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Hidden
    @Get(value = "/", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        if (page == null) {
            throw new ProblemException(Problem.of("path", "not_found", "the playground is not in this build", null));
        }
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff");
    }

    @Operation(summary = "A served policy's YAML", description = "The policy.yaml of a loaded policy as its author wrote it "
            + "(comments and order kept), read from the policies folder. If a newer file there was refused, this is that file: "
            + "`GET /health` lists refusals.")
    @ApiResponse(responseCode = "404", description = "no such policy is loaded, or it has no policy.yaml in the served folder", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(value = "/v1/policies/{id}/yaml", produces = YAML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> yaml(@PathVariable String id) throws IOException {
        Path file = folder(id).resolve(PolicyBuilder.POLICY_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(Problem.of("id", "no_policy_file", "policy `" + id + "` has no policy.yaml in the policies folder", null));
        }
        return HttpResponse.ok(Files.readString(file, StandardCharsets.UTF_8)).contentType(YAML + ";charset=utf-8");
    }

    @Operation(summary = "A served policy's scenario files", description = "Each YAML file of the policy's scenarios/ folder, by name, "
            + "as `POST /v1/scenarios/run` takes it.")
    @ApiResponse(responseCode = "404", description = "no such policy is loaded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "200", description = "the scenario files")
    @Get(value = "/v1/policies/{id}/scenarios", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    ScenarioFiles scenarios(@PathVariable String id) throws IOException {
        Path dir = folder(id).resolve("scenarios");
        List<ScenarioFile> files = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted()
                        .map(p -> new ScenarioFile(p.getFileName().toString(), read(p))).toList();
            }
        }
        return new ScenarioFiles(id, files);
    }

    /** Only a loaded policy's folder: the id never becomes a path before it names a served policy. */
    private Path folder(String id) {
        LoadedPolicy p = catalog.policy(id).orElseThrow(() -> new ProblemException(Problem.of("id", "unknown_policy",
                "no policy `" + id + "` is loaded", Suggestions.didYouMean(id, catalog.policies().keySet()))));
        return catalog.root().resolve(p.policy().id());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
