package dev.clausewise.policy;

/** The document a policy encodes. */
public record PolicySource(String document, String url, String effective) {
}
