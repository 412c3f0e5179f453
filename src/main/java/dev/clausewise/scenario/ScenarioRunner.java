package dev.clausewise.scenario;

import dev.clausewise.analysis.Progress;
import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Refinement;
import dev.clausewise.explain.ConditionView;
import dev.clausewise.explain.RetentionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs scenarios against the catalog's policies and compares answers with expectations. */
public final class ScenarioRunner {
    private final PolicyCatalog catalog;

    public ScenarioRunner(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    public List<ScenarioResult> run(ScenarioFile file) {
        return run(file, Progress.NONE);
    }

    /** As {@link #run(ScenarioFile)}, telling {@code progress} before each scenario (it may stop the run by throwing). */
    public List<ScenarioResult> run(ScenarioFile file, Progress progress) {
        return file.scenarios().stream().map(s -> {
            progress.step();
            return run(file, s);
        }).toList();
    }

    public ScenarioResult run(ScenarioFile file, Scenario s) {
        long start = System.nanoTime();
        Explain explain = Explain.parse(s.explain()).orElse(Explain.FULL);
        Answer answer = catalog.decide(s.query(), explain);
        if (answer instanceof Answer.Rejected r) {
            List<String> diff = r.errors().stream().map(e -> e.field() + ": " + e.code() + ": " + e.message() + (e.help() == null ? "" : " (" + e.help() + ")")).toList();
            return new ScenarioResult(file, s, ScenarioResult.Status.ERROR, diff, null, Duration.ofNanos(System.nanoTime() - start));
        }
        Decision d = ((Answer.Answered) answer).decision();
        List<String> diff = compare(s.expect(), d);
        return new ScenarioResult(file, s, diff.isEmpty() ? ScenarioResult.Status.PASS : ScenarioResult.Status.FAIL, diff, d,
                Duration.ofNanos(System.nanoTime() - start));
    }

    static List<String> compare(Expectation e, Decision d) {
        List<String> diff = new ArrayList<>();
        if (!e.outcome().equals(d.outcome())) {
            diff.add("outcome: expected " + e.outcome() + ", actual " + d.outcome());
        }
        missing(diff, "reason", e.reason(), d.reason());
        missing(diff, "conditions", e.conditions(), d.conditions().stream().map(ConditionView::key).toList());
        missing(diff, "refinements", e.refinements(), d.refinements().stream().map(Refinement::statement).toList());
        if (e.retention() != null && d.retention().stream().map(RetentionView::key).noneMatch(e.retention()::equals)) {
            diff.add("retention: expected " + e.retention() + ", actual " + d.retention().stream().map(RetentionView::key).toList());
        }
        return diff;
    }

    private static void missing(List<String> diff, String field, List<String> expected, List<String> actual) {
        List<String> absent = expected.stream().filter(x -> !actual.contains(x)).toList();
        if (!absent.isEmpty()) {
            diff.add(field + ": expected to include " + absent + ", actual " + actual);
        }
    }
}
