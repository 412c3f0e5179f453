package dev.clausewise.source;

/** A position in an authored file: 1-based line and column. */
public record SourceLocation(String file, int line, int column) {
    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
