package dev.clausewise.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics of one phase so that all are reported at once, sorted by location. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void error(String code, SourceLocation at, String message, String help) {
        items.add(Diagnostic.error(code, at, message, help));
    }

    public void addAll(List<Diagnostic> ds) {
        items.addAll(ds);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> sorted() {
        return sort(items);
    }

    public static List<Diagnostic> sort(List<Diagnostic> ds) {
        return ds.stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.location().file())
                        .thenComparingInt(d -> d.location().line())
                        .thenComparingInt(d -> d.location().column()))
                .toList();
    }
}
