package dev.clausewise.bench;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.nio.file.Path;
import java.util.List;

/** The bundled policies every benchmark runs on, opened once per JVM, and the checks shared by the harnesses. */
public final class Bundled {
    /** The folder benchmarks read; bench/run passes the repository's policies-yaml. */
    public static final Path POLICIES = Path.of(System.getProperty("clausewise.policies", "policies-yaml"));
    public static final List<String> IDS = List.of("confluent", "mixpanel", "mulesoft", "pulumi", "workato");

    private Bundled() {
    }

    public static PolicyCatalog open() {
        return open(POLICIES);
    }

    /** Opens a catalog and fails loudly on any diagnostic error: a benchmark on half-loaded policies measures nothing. */
    public static PolicyCatalog open(Path root) {
        return open(root, RuleCache.none());
    }

    public static PolicyCatalog open(Path root, RuleCache cache) {
        PolicyCatalog.Result r = PolicyCatalog.open(root, cache);
        if (r.hasErrors() || r.catalog().isEmpty()) {
            throw new IllegalStateException("policies under " + root.toAbsolutePath() + " do not load: " + r.diagnostics());
        }
        return r.catalog().get();
    }

    /** Every question must be answered (not rejected), else the question set itself is wrong. */
    public static void requireAnswered(PolicyCatalog catalog, List<Query> questions) {
        for (Query q : questions) {
            if (catalog.decide(q, Explain.NONE) instanceof Answer.Rejected r) {
                throw new IllegalStateException("question rejected (" + r.code() + " " + r.errors() + "): " + q);
            }
        }
    }

    public static String outcome(Answer a) {
        return ((Answer.Answered) a).decision().outcome();
    }
}
