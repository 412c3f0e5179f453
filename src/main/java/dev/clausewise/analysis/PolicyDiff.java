package dev.clausewise.analysis;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.policy.Policy;
import dev.clausewise.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exact semantic difference of two policies (or two versions of one): every question of the space is
 * answered by both through the engine, and the classes whose answers differ are merged into general changes.
 */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    /** How the answer to a class of questions changes. */
    private record Transition(String before, String after) {
    }

    public static DiffReport diff(LoadedPolicy a, LoadedPolicy b, Vocabulary vocabulary, Progress progress) {
        QuestionSpace space = new QuestionSpace(vocabulary, List.of(a.policy().statements(), b.policy().statements()));
        List<Cell> cells = space.cells(progress);
        List<Answers> sides = List.of(new Answers(a, 0, space), new Answers(b, 1, space));
        Explorer explorer = new Explorer(space, sides);
        Boxes boxes = new Boxes(space);
        AtomicLong done = new AtomicLong();
        AtomicLong questions = new AtomicLong();
        progress.update(0, cells.size());
        Map<Transition, List<Boxes.Box>> changed = new LinkedHashMap<>();
        // Hundreds of thousands of boxes name a few dozen sets of deciding statements: each set is kept once.
        Map<List<String>, Set<String>> reasonSets = new HashMap<>();
        cells.parallelStream().map(cell -> {
            List<Explorer.Answered> answered = explorer.explore(cell, progress);
            questions.addAndGet(answered.size());
            progress.update(done.incrementAndGet(), cells.size());
            return answered.stream().filter(x -> !x.entries().get(0).verdict().sameAnswer(x.entries().get(1).verdict())).toList();
        }).toList().forEach(list -> list.forEach(x -> {
            progress.step();
            changed.computeIfAbsent(
                new Transition(x.entries().get(0).verdict().answer(), x.entries().get(1).verdict().answer()), t -> new ArrayList<>())
                .add(boxes.box(x.cell(), x.entries().stream()
                        .map(e -> reasonSets.computeIfAbsent(e.verdict().reasons(), r -> Collections.unmodifiableSortedSet(new TreeSet<>(r)))).toList()));
        }));
        List<DiffReport.Change> changes = new ArrayList<>(changed.entrySet().parallelStream().flatMap(e -> Boxes.merge(e.getValue(), progress).stream().map(box -> {
            progress.step();
            Map<String, List<String>> where = boxes.where(box);
            return new DiffReport.Change(Boxes.describe(where) + ": " + e.getKey().before() + " -> " + e.getKey().after(), where,
                    side(box.example(), 0, box.reasons().get(0), sides), side(box.example(), 1, box.reasons().get(1), sides),
                    box.example().query(null));
        })).toList());
        changes.sort(Comparator.comparing(DiffReport.Change::text));
        long evaluations = sides.stream().mapToLong(Answers::evaluations).sum();
        return new DiffReport(a.ref(), b.ref(), questions.get(), evaluations, changes);
    }

    /** One side's answer (as to the example; every question of the box gets it) and the statements deciding the box. */
    private static DiffReport.Side side(Cell example, int side, Set<String> reasons, List<Answers> sides) {
        Verdict v = sides.get(side).at(example).verdict();
        Policy p = sides.get(side).policy().policy();
        List<CiteView> cites = reasons.stream().map(id -> DecisionExplainer.cite(p, id)).filter(Objects::nonNull).toList();
        return new DiffReport.Side(v.answer(), v.outcome(), v.conditions(), List.copyOf(reasons), cites);
    }
}
