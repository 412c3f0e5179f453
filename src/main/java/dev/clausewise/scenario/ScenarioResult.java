package dev.clausewise.scenario;

import dev.clausewise.explain.Decision;
import java.util.List;

/** How one scenario went: PASS, FAIL (with expected-vs-actual lines) or ERROR (the question was rejected). */
public record ScenarioResult(ScenarioFile file, Scenario scenario, Status status, List<String> diff, Decision decision) {
    public enum Status { PASS, FAIL, ERROR }

    public ScenarioResult {
        diff = List.copyOf(diff);
    }
}
