package dev.clausewise.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes every command shares, and the table each command's help lists. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /** The policy arguments' help, the same for every command that takes policies. */
    static final String POLICY_ARGS = "A policy id, a policy folder, a policy.yaml file, or a folder of policy folders (the policies root); "
            + "paths are relative to the working directory.";

    private ExitCodes() {
    }

    static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put(OK + "", "done and nothing found: valid, every scenario passes, lint clean, diff without changes");
        t.put(FAILED + "", "something found: diagnostics with errors, a failed scenario, an unacknowledged lint finding, "
                + "a refused policy, a diff with changes, a failed --batch line");
        t.put(USAGE + "", "usage: an unknown command or option, an argument that names no policy, a question the vocabulary "
                + "rejects; diff: a policy that does not build");
        return t;
    }
}
