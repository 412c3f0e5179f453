package dev.clausewise.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.clausewise.query.Settings;
import java.util.List;
import java.util.Map;

/** Answers every question class of the space on every side, cutting each cell's context only as far as the answers need. */
final class Explorer {
    private final QuestionSpace space;
    private final List<Answers> sides;

    /** A class of questions and each side's answer to it. */
    record Answered(Cell cell, List<Answers.Entry> entries) {
    }

    Explorer(QuestionSpace space, List<Answers> sides) {
        this.space = space;
        this.sides = sides;
    }

    /**
     * The cell cut by the context fields the consulted conditions depend on: starting from the default context,
     * a field is added when some answer consulted a condition it settles, until no answer asks for another. The
     * context values that get the same answers on every side are then merged back into few classes. {@code progress}
     * is checked before each context point: one cell of a large policy can take seconds, and a spent budget or a
     * client gone must not wait for its end.
     */
    List<Answered> explore(Cell cell, Progress progress) {
        EnumSet<Axis> relevant = EnumSet.noneOf(Axis.class);
        while (true) {
            List<Axis> axes = Axis.CONTEXT.stream().filter(relevant::contains).toList();
            EnumSet<Axis> needed = EnumSet.copyOf(relevant);
            Map<List<Integer>, List<Map<Axis, String>>> alike = new LinkedHashMap<>();
            Map<List<Integer>, List<Answers.Entry>> entriesOf = new HashMap<>();
            for (Map<Axis, String> point : space.contextPoints(axes, space.defaultContext())) {
                progress.step();
                Settings settings = QuestionSpace.settings(point);
                List<Answers.Entry> entries = sides.stream().map(s -> s.at(cell, point, settings)).toList();
                entries.forEach(e -> e.consulted().keySet().forEach(condition -> needed.addAll(space.dependencies(condition))));
                List<Integer> key = entries.stream().map(Answers.Entry::number).toList();
                alike.computeIfAbsent(key, k -> new ArrayList<>()).add(point);
                entriesOf.put(key, entries);
            }
            if (needed.equals(relevant)) {
                List<Answered> out = new ArrayList<>();
                alike.forEach((key, points) -> merge(points.stream().map(p -> cell.at(p, axes)).toList(), axes)
                        .forEach(c -> out.add(new Answered(c, entriesOf.get(key)))));
                return out;
            }
            relevant = needed;
        }
    }

    /** Cells that differ only in their context, merged where they differ on one context field only. */
    private static List<Cell> merge(List<Cell> cells, List<Axis> axes) {
        List<Cell> current = cells;
        boolean merged = true;
        while (merged) {
            merged = false;
            for (Axis a : axes) {
                Map<Map<Axis, Set<String>>, Cell> buckets = new LinkedHashMap<>();
                for (Cell c : current) {
                    // The cells share every matched axis: only the other context fields tell them apart.
                    Map<Axis, Set<String>> others = new EnumMap<>(Axis.class);
                    axes.stream().filter(x -> x != a).forEach(x -> others.put(x, c.members().get(x)));
                    buckets.merge(others, c, (x, y) -> x.with(a, union(x.members().get(a), y.members().get(a))));
                }
                if (buckets.size() < current.size()) {
                    merged = true;
                    current = new ArrayList<>(buckets.values());
                }
            }
        }
        return current;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}
