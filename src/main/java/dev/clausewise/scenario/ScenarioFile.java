package dev.clausewise.scenario;

import java.util.List;

/** A suite file: the policy it asks and its scenarios. */
public record ScenarioFile(String file, String policy, List<Scenario> scenarios) {
    public ScenarioFile {
        scenarios = List.copyOf(scenarios);
    }
}
