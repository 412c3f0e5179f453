package dev.clausewise.source;

/**
 * One finding about an authored file. Codes are stable per phase (tests assert codes, not wording);
 * {@code help} is the "did you mean" or closest-passage hint, or null.
 */
public record Diagnostic(Severity severity, String code, String message, SourceLocation location, String help) {

    public static Diagnostic error(String code, SourceLocation at, String message, String help) {
        return new Diagnostic(Severity.ERROR, code, message, at, help);
    }

    public static Diagnostic warning(String code, SourceLocation at, String message, String help) {
        return new Diagnostic(Severity.WARNING, code, message, at, help);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: code: message}, then the hint on its own line. */
    public String format() {
        String head = location + ": " + code + ": " + message;
        return help == null ? head : head + "\n    help: " + help;
    }
}
