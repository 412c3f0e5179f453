package dev.clausewise.analysis;

import java.util.List;

/** Everything lint found in one policy, in file order; {@code questions} counts the question classes answered. */
public record LintReport(String policy, long questions, List<Finding> findings) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    /** No error and no finding left unacknowledged. */
    public boolean clean() {
        return findings.stream().noneMatch(Finding::fails);
    }

    public long count(boolean acknowledged) {
        return findings.stream().filter(f -> !f.diagnostic().isError() && f.isAcknowledged() == acknowledged).count();
    }

    public long errors() {
        return findings.stream().filter(f -> f.diagnostic().isError()).count();
    }
}
