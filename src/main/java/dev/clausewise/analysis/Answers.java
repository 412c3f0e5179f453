package dev.clausewise.analysis;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.engine.Candidate;
import dev.clausewise.engine.Conflict;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.query.ConditionStatus;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.query.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One policy's answers over a question space, each asked of the engine once per distinct thing the engine can
 * see. A cell's answer under some context holds for every context that settles the conditions the engine
 * consulted (its ConditionState facts) alike: the rules read the context only through those settle calls, so
 * such a context takes the evaluation down the same path. Thread-safe.
 */
final class Answers {
    private final LoadedPolicy policy;
    private final int side;
    private final QueryNormalizer normalizer;
    private final DecisionExplainer explainer;
    private final Map<Object, List<Entry>> tables = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();

    /**
     * One evaluation (numbered per side), the conditions it consulted with how they were settled, its verdict, and
     * what lint reads of the engine's result: the deciding statements and the conflicts. The result itself is not
     * kept: a diff of two large policies holds hundreds of thousands of entries.
     */
    record Entry(int number, Map<String, ConditionStatus> consulted, Verdict verdict, List<String> decisive, List<Conflict> conflicts) {
        boolean holdsUnder(Settings s) {
            for (Map.Entry<String, ConditionStatus> e : consulted.entrySet()) {
                if (s.settle(e.getKey()) != e.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    Answers(LoadedPolicy policy, int side, QuestionSpace space) {
        this.policy = policy;
        this.side = side;
        this.normalizer = new QueryNormalizer(space.vocabulary());
        this.explainer = new DecisionExplainer(space.vocabulary());
    }

    LoadedPolicy policy() {
        return policy;
    }

    /** The answer to the cell's question under a context point ({@code settings} is that point's). */
    Entry at(Cell cell, Map<Axis, String> context, Settings settings) {
        List<Entry> table = tables.computeIfAbsent(cell.answerKeys().get(side), k -> new ArrayList<>());
        synchronized (table) {
            for (Entry e : table) {
                if (e.holdsUnder(settings)) {
                    return e;
                }
            }
            Query q = cell.at(context, List.of()).query(policy.policy().id());
            Verdict.Evaluated evaluated = Verdict.evaluate(policy, normalizer.normalize(q).query(), explainer);
            // Every condition key of every relevant statement, scope qualifiers among them: they decide whether
            // a statement applies or only refines, which no ConditionState fact records.
            Map<String, ConditionStatus> consulted = new TreeMap<>();
            for (Candidate c : evaluated.result().candidates()) {
                policy.policy().statement(c.getStatementId()).orElseThrow().conditionKeys()
                        .forEach(k -> consulted.put(k, settings.settle(k)));
            }
            Entry e = new Entry(numbers.incrementAndGet(), consulted, evaluated.verdict(), evaluated.result().decided().reasons(),
                    evaluated.result().conflicts());
            table.add(e);
            return e;
        }
    }

    /** The answer to the cell's question with the context it asks. */
    Entry at(Cell cell) {
        return at(cell, cell.asked(), QuestionSpace.settings(cell.asked()));
    }

    long evaluations() {
        return numbers.get();
    }
}
