package dev.clausewise.policy;

import dev.clausewise.source.SourceLocation;
import java.util.List;

/**
 * The author's answer to lint findings the document itself causes: which finding ({@code code}), about which
 * other statements ({@code with}, for findings about a pair; one or a list), and why the policy is right to say so.
 */
public record Acknowledgement(String code, List<String> with, String why, SourceLocation location) {
    public Acknowledgement {
        with = List.copyOf(with);
    }
}
