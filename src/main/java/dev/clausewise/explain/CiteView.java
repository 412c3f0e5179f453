package dev.clausewise.explain;

import jakarta.annotation.Nullable;

/**
 * The clause a step rests on, as the trail shows it. {@code document} is null when the policy names no
 * {@code source.document}, {@code section} when its cite names none (a warning, not an error).
 */
public record CiteView(@Nullable String document, @Nullable String section, String quote) {
}
