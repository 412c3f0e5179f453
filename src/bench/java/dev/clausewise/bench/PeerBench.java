package dev.clausewise.bench;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import java.io.IOException;
import java.nio.file.Path;
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
 * Clausewise, jCasbin and cedar-java side by side in one JVM on the Mixpanel questions of PeerAgreement. Before
 * any timing every question is asked of each peer and the run stops when a peer agrees on fewer than the
 * documented share ({@link #MINIMUM}, {@link #MINIMUM_EXPRESSIBLE}, docs/performance.md "Peers"). Clausewise is
 * timed on the memo path (catalog.decide, every question asked once at both trail levels in setup, so every class is
 * in the memo) and on the Drools path
 * (normalize, then LoadedPolicy.decide, which bypasses the memo); the peers on their own call with the request
 * built beforehand (jCasbin's Object[], Cedar's request and entity slice), as their users would hold them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PeerBench {
    /**
     * The agreement below which nothing is timed, a little under what was measured (docs/performance.md "Peers"):
     * the share of all questions, and of the questions outside PeerAgreement.RESTRICTIONS.
     */
    static final double MINIMUM = 0.95;
    static final double MINIMUM_EXPRESSIBLE = 0.999;
    static final Path DIR = Path.of("target", "bench", "peers");

    private PolicyCatalog catalog;
    private LoadedPolicy mixpanel;
    private QueryNormalizer normalizer;
    private DecisionExplainer explainer;
    private Enforcer casbin;
    private CedarEncoding.Peer cedar;
    private Query[] questions;
    private Object[][] casbinRequests;
    private CedarEncoding.Request[] cedarRequests;
    private int next;

    /** The peers built from the Mixpanel statements, checked against Clausewise on every question. */
    record Peers(List<PeerAgreement.Asked> asked, Enforcer casbin, CasbinEncoding casbinEncoding, CedarEncoding.Peer cedar,
                 CedarEncoding cedarEncoding) {
        static Peers checked(PolicyCatalog catalog) throws IOException {
            List<PeerAgreement.Asked> asked = PeerAgreement.questions(catalog);
            var policy = catalog.policy(PeerAgreement.POLICY).orElseThrow().policy();
            CasbinEncoding ce = CasbinEncoding.of(policy, catalog.vocabulary());
            Enforcer casbin = ce.enforcer(DIR.resolve("casbin"));
            CedarEncoding de = CedarEncoding.of(policy, catalog.vocabulary());
            CedarEncoding.Peer cedar = de.peer(DIR.resolve("cedar"));
            PeerAgreement.Result casbinAgreement = PeerAgreement.check("jCasbin", catalog, asked, a -> casbin.enforce(CasbinEncoding.request(a.normalized())));
            PeerAgreement.Result cedarAgreement = PeerAgreement.check("cedar-java", catalog, asked, a -> cedar.allows(de.request(a.normalized())));
            System.out.print(casbinAgreement.report() + cedarAgreement.report());
            PeerAgreement.require(casbinAgreement, MINIMUM, MINIMUM_EXPRESSIBLE);
            PeerAgreement.require(cedarAgreement, MINIMUM, MINIMUM_EXPRESSIBLE);
            return new Peers(asked, casbin, ce, cedar, de);
        }
    }

    @Setup
    public void setup() throws IOException {
        catalog = Bundled.open();
        mixpanel = catalog.policy(PeerAgreement.POLICY).orElseThrow();
        normalizer = new QueryNormalizer(catalog.vocabulary());
        explainer = new DecisionExplainer(catalog.vocabulary());
        Peers peers = Peers.checked(catalog);
        casbin = peers.casbin();
        cedar = peers.cedar();
        questions = peers.asked().stream().map(PeerAgreement.Asked::query).toArray(Query[]::new);
        // The agreement check asked every question without trail; with the full trail too, so that the memo
        // benchmarks measure memo hits from the first iteration on.
        for (Query q : questions) {
            catalog.decide(q, Explain.FULL);
        }
        casbinRequests = peers.asked().stream().map(a -> CasbinEncoding.request(a.normalized())).toArray(Object[][]::new);
        cedarRequests = peers.asked().stream().map(a -> peers.cedarEncoding().request(a.normalized())).toArray(CedarEncoding.Request[]::new);
    }

    private int advance() {
        int i = next;
        next = next + 1 == questions.length ? 0 : next + 1;
        return i;
    }

    @Benchmark
    public Answer memoNoTrail() {
        return catalog.decide(questions[advance()], Explain.NONE);
    }

    @Benchmark
    public Answer memoFullTrail() {
        return catalog.decide(questions[advance()], Explain.FULL);
    }

    @Benchmark
    public Decision droolsNoTrail() {
        return mixpanel.decide(normalizer.normalize(questions[advance()]).query(), explainer, Explain.NONE);
    }

    @Benchmark
    public Decision droolsFullTrail() {
        return mixpanel.decide(normalizer.normalize(questions[advance()]).query(), explainer, Explain.FULL);
    }

    @Benchmark
    public boolean jcasbin() {
        return casbin.enforce(casbinRequests[advance()]);
    }

    @Benchmark
    public boolean cedar() {
        return cedar.allows(cedarRequests[advance()]);
    }

    /** The agreement check alone, with the sizes of the encodings: bench/run prints it before timing. */
    public static void main(String[] args) throws IOException {
        PolicyCatalog catalog = Bundled.open();
        Peers peers = Peers.checked(catalog);
        long allow = peers.asked().stream().filter(PeerAgreement.Asked::allow).count();
        System.out.printf("questions: %d Mixpanel questions (%d allow, %d deny under the mapping); jCasbin: %d policy lines in %s; "
                        + "cedar-java: %d policies in %s%n", peers.asked().size(), allow, peers.asked().size() - allow,
                peers.casbinEncoding().lineCount(), DIR.resolve("casbin"), peers.cedarEncoding().policyCount(), DIR.resolve("cedar"));
    }
}
