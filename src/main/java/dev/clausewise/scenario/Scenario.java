package dev.clausewise.scenario;

import dev.clausewise.query.Query;
import dev.clausewise.source.SourceLocation;

/** One regression case: a question and what its answer must be. */
public record Scenario(String name, Query query, String explain, Expectation expect, SourceLocation location) {
}
