package dev.clausewise.policy;

/** How long data is kept: a retention key and, where the text states one, an ISO 8601 duration. */
public record Retention(String key, String duration) {
}
