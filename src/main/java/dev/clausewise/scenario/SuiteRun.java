package dev.clausewise.scenario;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds scenario files (policies-yaml/*&#47;scenarios/*.yaml, or given paths), loads and runs them all. */
public record SuiteRun(List<ScenarioResult> results, List<Coverage> coverage, List<Diagnostic> diagnostics) {
    public SuiteRun {
        results = List.copyOf(results);
        coverage = List.copyOf(coverage);
        diagnostics = List.copyOf(diagnostics);
    }

    public static List<Path> discover(Path policiesRoot) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(policiesRoot, 3)) {
            walk.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("scenarios"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            return List.of();
        }
        return files;
    }

    public static Optional<ScenarioFile> load(Path file, Diagnostics d) {
        try {
            return ScenarioLoader.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8), d);
        } catch (IOException e) {
            d.error("unreadable", dev.clausewise.source.SourceLocation.of(file.toString()), "cannot read: " + e.getMessage(), null);
            return Optional.empty();
        }
    }

    public static SuiteRun run(PolicyCatalog catalog, List<Path> files) {
        Diagnostics d = new Diagnostics();
        ScenarioRunner runner = new ScenarioRunner(catalog);
        List<ScenarioResult> results = new ArrayList<>();
        for (Path f : files) {
            load(f, d).ifPresent(sf -> results.addAll(runner.run(sf)));
        }
        List<Coverage> coverage = catalog.policies().values().stream()
                .filter(p -> results.stream().anyMatch(r -> r.scenario().query().policy().equals(p.policy().id())))
                .map(p -> Coverage.of(p.policy(), results)).toList();
        return new SuiteRun(results, coverage, d.sorted());
    }

    public boolean passed() {
        return diagnostics.stream().noneMatch(Diagnostic::isError)
                && results.stream().allMatch(r -> r.status() == ScenarioResult.Status.PASS);
    }
}
