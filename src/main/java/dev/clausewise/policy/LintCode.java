package dev.clausewise.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The lint findings an author may acknowledge in the YAML; {@code pairwise} ones name the other statement. */
public enum LintCode {
    CONFLICT("lint_conflict", true),
    SHADOWED("lint_shadowed", false),
    OPPOSITE_EFFECTS("lint_opposite_effects", true);

    private final String code;
    private final boolean pairwise;

    LintCode(String code, boolean pairwise) {
        this.code = code;
        this.pairwise = pairwise;
    }

    public String code() {
        return code;
    }

    public boolean pairwise() {
        return pairwise;
    }

    public static Optional<LintCode> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(LintCode::code).toList();
    }
}
