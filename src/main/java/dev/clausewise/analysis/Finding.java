package dev.clausewise.analysis;

import dev.clausewise.source.Diagnostic;

/**
 * One lint finding: the diagnostic (file:line:col, code, message, hint), the statement it is about and the
 * other statement for findings about a pair, the witness question, and the author's reason when the YAML
 * acknowledges it (null otherwise).
 */
public record Finding(Diagnostic diagnostic, String statement, String with, Witness witness, String acknowledged) {
    public boolean isAcknowledged() {
        return acknowledged != null;
    }

    /** Errors, and warnings nobody acknowledged, fail the lint. */
    public boolean fails() {
        return diagnostic.isError() || !isAcknowledged();
    }

    Finding acknowledge(String why) {
        return new Finding(diagnostic, statement, with, witness, why);
    }

    /**
     * {@code file:line:col: code: message}, the hint, the witness, and the acknowledgement if any; an acknowledged
     * finding is one line, marked, unless {@code full}.
     */
    public String format(boolean full) {
        if (!full && acknowledged != null) {
            return diagnostic.location() + ": " + diagnostic.code() + ": " + diagnostic.message() + " [acknowledged]";
        }
        return format();
    }

    /** {@code file:line:col: code: message}, the hint, the witness, and the acknowledgement if any. */
    public String format() {
        StringBuilder b = new StringBuilder(diagnostic.format());
        if (witness != null) {
            b.append("\n    witness: ").append(witness.describe());
        }
        if (acknowledged != null) {
            b.append("\n    acknowledged: ").append(acknowledged);
        }
        return b.toString();
    }
}
