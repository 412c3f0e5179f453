package dev.clausewise.policy;

import dev.clausewise.source.SourceLocation;

/**
 * The author's answer to a lint finding the document itself causes: which finding ({@code code}), about which
 * other statement ({@code with}, for findings about a pair), and why the policy is right to say so.
 */
public record Acknowledgement(String code, String with, String why, SourceLocation location) {
}
