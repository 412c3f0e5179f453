package dev.clausewise.scenario;

import dev.clausewise.explain.Decision;
import java.time.Duration;
import java.util.List;

/**
 * How one scenario went: PASS, FAIL (with expected-vs-actual lines) or ERROR (the question was rejected), and how
 * long asking and comparing took.
 */
public record ScenarioResult(ScenarioFile file, Scenario scenario, Status status, List<String> diff, Decision decision, Duration time) {
    public enum Status { PASS, FAIL, ERROR }

    public ScenarioResult {
        diff = List.copyOf(diff);
    }
}
