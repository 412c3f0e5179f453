package dev.clausewise.bench;

import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.reference.ReferenceDecision;
import dev.clausewise.reference.ReferenceEvaluator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * One decision per call through PolicyCatalog.decide (normalize, memo or evaluate, explain), cycling through
 * {@link #QUESTIONS} distinct questions over the five bundled policies. SampleTime gives the median and p99.
 * After warm-up every class of the 2,000 questions is in the memo, so {@code decide*} measure memo hits;
 * {@code drools*} bypass the memo (LoadedPolicy.decide): the Drools path of a class seen for the first time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
    public static final int QUESTIONS = 2000;

    private PolicyCatalog catalog;
    private Query[] questions;
    private int next;
    private QueryNormalizer normalizer;
    private DecisionExplainer explainer;
    private Map<String, ReferenceEvaluator> references;

    @Setup
    public void setup() {
        catalog = Bundled.open();
        List<Query> qs = Questions.generate(catalog, Bundled.IDS, QUESTIONS, Questions.SEED, true);
        Bundled.requireAnswered(catalog, qs);
        questions = qs.toArray(Query[]::new);
        normalizer = new QueryNormalizer(catalog.vocabulary());
        explainer = new DecisionExplainer(catalog.vocabulary());
        references = new HashMap<>();
        catalog.policies().forEach((id, p) -> references.put(id, new ReferenceEvaluator(p.policy(), catalog.vocabulary().regions(),
                catalog.vocabulary().tree(Dimension.PRACTICE).distinct())));
    }

    private Query nextQuestion() {
        Query q = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        return q;
    }

    @Benchmark
    public Answer decideFullTrail() {
        return catalog.decide(nextQuestion(), Explain.FULL);
    }

    @Benchmark
    public Answer decideNoTrail() {
        return catalog.decide(nextQuestion(), Explain.NONE);
    }

    @Benchmark
    public Decision droolsFullTrail() {
        Query q = nextQuestion();
        return catalog.policy(q.policy()).orElseThrow().decide(normalizer.normalize(q).query(), explainer, Explain.FULL);
    }

    @Benchmark
    public Decision droolsNoTrail() {
        Query q = nextQuestion();
        return catalog.policy(q.policy()).orElseThrow().decide(normalizer.normalize(q).query(), explainer, Explain.NONE);
    }

    /** The plain-Java reference evaluator on the same questions: normalize and decide, no trail, no Drools. */
    @Benchmark
    public ReferenceDecision referenceDecide() {
        Query q = nextQuestion();
        return references.get(q.policy()).decide(normalizer.normalize(q).query());
    }
}
