package dev.clausewise.explain;

/** One step of the explanation: kind is normalize, match, override, conflict, condition or decide. */
public record TrailStep(int step, String kind, String rule, String statement, String detail, CiteView cite) {
}
