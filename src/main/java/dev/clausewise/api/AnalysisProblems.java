package dev.clausewise.api;

import dev.clausewise.wire.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems every analysis job can answer (validate, scenarios, lint, diff, compare), documented once: the
 * OpenAPI generator reads these responses from the annotation as if they were written on each operation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "401", description = "clausewise.analysis.require-token is true and the bearer token is missing or wrong",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "clausewise.analysis.require-token is true and no authoring token is configured",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "429", description = "clausewise.analysis.max-concurrent analyses run already; retry after Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "the analysis took longer than clausewise.analysis.max-seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@interface AnalysisProblems {
    /** The analyses that search a question space (lint, diff, compare) can also exceed its budget, or be given a policy that does not build. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "422", description = "the question space is larger than clausewise.analysis.max-question-classes, or an uploaded policy does not build",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface QuestionSpace {
    }
}
