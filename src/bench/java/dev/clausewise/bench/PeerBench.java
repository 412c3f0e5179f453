package dev.clausewise.bench;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casbin.jcasbin.main.Enforcer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Clausewise and jCasbin side by side in one JVM, on the Mixpanel questions whose answer is ALLOW or DENY.
 * Before any timing, every question is asked of both and the run stops if a single answer differs.
 * (cedar-java is not here: its artifact does not resolve from this machine, see docs/performance.md.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PeerBench {
    static final String POLICY = "mixpanel";
    static final int ASKED = 6000;
    static final Path CASBIN_DIR = Path.of("target", "bench", "casbin-" + POLICY);

    private PolicyCatalog catalog;
    private Enforcer casbin;
    private Query[] questions;
    private Object[][] requests;
    private int next;

    /** The allow/deny subset: the generated Mixpanel questions Clausewise answers with ALLOW or DENY. */
    static List<Query> subset(PolicyCatalog catalog) {
        List<Query> asked = Questions.generate(catalog, List.of(POLICY), ASKED, Questions.SEED + 1, false);
        Bundled.requireAnswered(catalog, asked);
        return asked.stream().filter(q -> {
            String o = Bundled.outcome(catalog.decide(q, Explain.NONE));
            return o.equals("ALLOW") || o.equals("DENY");
        }).toList();
    }

    /** Every question asked of both; any disagreement stops the run, listing the first ones. */
    static void requireAgreement(PolicyCatalog catalog, Enforcer casbin, List<Query> questions) {
        List<String> disagreements = new ArrayList<>();
        for (Query q : questions) {
            boolean clausewise = Bundled.outcome(catalog.decide(q, Explain.NONE)).equals("ALLOW");
            boolean peer = casbin.enforce(CasbinEncoding.request(q));
            if (clausewise != peer) {
                disagreements.add((clausewise ? "ALLOW" : "DENY") + " vs casbin " + peer + ": " + q
                        + " (casbin line " + casbin.enforceEx(CasbinEncoding.request(q)).getExplain() + ")");
            }
        }
        if (!disagreements.isEmpty()) {
            throw new IllegalStateException(disagreements.size() + " of " + questions.size() + " answers differ; first: "
                    + String.join("\n  ", disagreements.subList(0, Math.min(10, disagreements.size()))));
        }
    }

    @Setup
    public void setup() throws IOException {
        catalog = Bundled.open();
        List<Query> qs = subset(catalog);
        CasbinEncoding encoding = CasbinEncoding.of(catalog.policy(POLICY).orElseThrow().policy(), catalog.vocabulary());
        casbin = encoding.enforcer(CASBIN_DIR);
        requireAgreement(catalog, casbin, qs);
        questions = qs.toArray(Query[]::new);
        requests = qs.stream().map(CasbinEncoding::request).toArray(Object[][]::new);
    }

    private int advance() {
        int i = next;
        next = next + 1 == questions.length ? 0 : next + 1;
        return i;
    }

    @Benchmark
    public Answer clausewiseNoTrail() {
        return catalog.decide(questions[advance()], Explain.NONE);
    }

    @Benchmark
    public Answer clausewiseFullTrail() {
        return catalog.decide(questions[advance()], Explain.FULL);
    }

    @Benchmark
    public boolean jcasbin() {
        return casbin.enforce(requests[advance()]);
    }

    /** The agreement check alone, with the sizes of the subset and of the encoding: bench/run prints it before timing. */
    public static void main(String[] args) throws IOException {
        PolicyCatalog catalog = Bundled.open();
        List<Query> qs = subset(catalog);
        CasbinEncoding encoding = CasbinEncoding.of(catalog.policy(POLICY).orElseThrow().policy(), catalog.vocabulary());
        Enforcer casbin = encoding.enforcer(CASBIN_DIR);
        requireAgreement(catalog, casbin, qs);
        long allow = qs.stream().filter(q -> Bundled.outcome(catalog.decide(q, Explain.NONE)).equals("ALLOW")).count();
        System.out.printf("agreement: %d of %d generated %s questions are ALLOW/DENY (%d ALLOW, %d DENY); jCasbin agrees on all; "
                + "encoding: %d policy lines in %s%n", qs.size(), ASKED, POLICY, allow, qs.size() - allow, encoding.lineCount(), CASBIN_DIR);
    }
}
