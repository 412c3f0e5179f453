package dev.clausewise.explain;

/** Which policy version answered: id, version (effective date + content digest prefix) and the full digest. */
public record PolicyRef(String id, String version, String digest) {
}
