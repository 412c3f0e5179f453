package dev.clausewise.explain;

import jakarta.annotation.Nullable;

/** One step of the explanation: kind is normalize, match, override, conflict, condition or decide; statement and cite are null on steps no statement made (normalize, decide). */
public record TrailStep(int step, String kind, String rule, @Nullable String statement, String detail, @Nullable CiteView cite) {
}
