package dev.clausewise.cli;

import dev.clausewise.analysis.Compare;
import java.util.ArrayList;
import java.util.List;

/** Comparisons as aligned terminal tables and as markdown (the README's table is this markdown). */
public final class CompareText {
    private CompareText() {
    }

    private static List<String> cells(Compare.Row r) {
        return List.of(r.policy(), r.outcome(), String.join(", ", r.conditions()),
                r.cites().isEmpty() ? "" : "\"" + r.cites().get(0).quote() + "\"");
    }

    private static final List<String> HEADER = List.of("policy", "outcome", "conditions", "quote");

    /** The five-policy table: policy, outcome, conditions, the deciding clause. */
    public static String table(Compare.Table t) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        t.rows().forEach(r -> rows.add(cells(r)));
        return aligned(rows);
    }

    public static String markdown(Compare.Table t) {
        StringBuilder b = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|---|---|---|---|\n");
        for (Compare.Row r : t.rows()) {
            b.append("| ").append(String.join(" | ", cells(r).stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        return b.toString();
    }

    /** The matrix: one row per key of one dimension, one column per key of the other, each cell the outcome. */
    public static String matrix(Compare.Matrix m) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(m.rows() + " \\ " + m.cols());
        m.colKeys().forEach(k -> header.add(key(k)));
        rows.add(header);
        for (int i = 0; i < m.rowKeys().size(); i++) {
            List<String> line = new ArrayList<>();
            line.add(key(m.rowKeys().get(i)));
            m.cells().get(i).forEach(c -> line.add(c.outcome()));
            rows.add(line);
        }
        return m.policy() + ": " + m.rows() + " x " + m.cols() + "\n" + aligned(rows);
    }

    private static String key(String k) {
        return k.equals(Compare.NOT_GIVEN) ? "(not given)" : k;
    }

    private static String aligned(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        });
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", r.get(i))).append(i + 1 < r.size() ? "  " : "");
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
