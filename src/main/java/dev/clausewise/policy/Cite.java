package dev.clausewise.policy;

/** The clause a statement encodes: the section heading and a verbatim quote of the document. */
public record Cite(String document, String section, String quote) {
}
