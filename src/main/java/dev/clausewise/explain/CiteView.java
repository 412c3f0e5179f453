package dev.clausewise.explain;

/** The clause a step rests on, as the trail shows it. */
public record CiteView(String document, String section, String quote) {
}
