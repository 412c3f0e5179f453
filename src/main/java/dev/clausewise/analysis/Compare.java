package dev.clausewise.analysis;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.policy.Statement;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryError;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.vocabulary.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** One question asked of every loaded policy, or one policy asked over two dimensions: every answer from the catalog. */
public final class Compare {
    /** A key of a matrix axis that stands for the field left out of the question. */
    public static final String NOT_GIVEN = "";

    private Compare() {
    }

    /** One policy's answer: outcome, open conditions (restrictions as "only for ..."), deciding statements and their clauses. */
    public record Row(String policy, String version, String outcome, List<String> conditions, List<String> reasons, List<CiteView> cites) {
        public Row {
            conditions = List.copyOf(conditions);
            reasons = List.copyOf(reasons);
            cites = List.copyOf(cites);
        }
    }

    /** The question and each policy's answer, in policy id order. */
    public record Table(Query question, List<Row> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /** One policy's answers with {@code rows} and {@code cols} set to each pair of keys; {@code cells[row][col]}. */
    public record Matrix(String policy, Query question, String rows, String cols, List<String> rowKeys, List<String> colKeys,
                         List<List<Row>> cells) {
        public Matrix {
            rowKeys = List.copyOf(rowKeys);
            colKeys = List.copyOf(colKeys);
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    /** A comparison, or why the question cannot be asked (every field error). */
    public record Result<T>(Optional<T> value, Answer.Rejected rejected) {
    }

    /** Asks every loaded policy, telling {@code progress} before each (it may stop the comparison by throwing). */
    public static Result<Table> question(PolicyCatalog catalog, Query question, Progress progress) {
        List<Row> rows = new ArrayList<>();
        for (String id : new TreeSet<>(catalog.policies().keySet())) {
            progress.step();
            Answer a = catalog.decide(question.withPolicy(id), Explain.NONE);
            if (a instanceof Answer.Rejected r) {
                return new Result<>(Optional.empty(), r);
            }
            rows.add(row(catalog.policy(id).orElseThrow(), ((Answer.Answered) a).decision()));
        }
        return new Result<>(Optional.of(new Table(question.withPolicy(null), rows)), null);
    }

    /**
     * One policy over two dimensions. The keys of each axis are those its statements name that can matter for the
     * rest of the question (not disjoint from it on the other dimensions), after the field left out. {@code progress}
     * is told before each cell (it may stop the matrix by throwing).
     */
    public static Result<Matrix> matrix(PolicyCatalog catalog, Query question, Dimension rows, Dimension cols, Progress progress) {
        if (rows == cols) {
            return rejected("cols", "invalid_value", "rows and cols are the same dimension `" + rows.key() + "`", "choose two different dimensions");
        }
        Answer first = catalog.decide(with(with(question, rows, keyOrDefault(rows)), cols, keyOrDefault(cols)), Explain.NONE);
        if (first instanceof Answer.Rejected r) {
            return new Result<>(Optional.empty(), r);
        }
        LoadedPolicy p = catalog.policy(question.policy()).orElseThrow();
        NormalizedQuery base = new QueryNormalizer(catalog.vocabulary()).normalize(with(with(question, rows, keyOrDefault(rows)), cols, keyOrDefault(cols))).query();
        List<Statement> relevant = p.policy().statements().stream().filter(s -> Dimension.MATCHED.stream()
                .filter(d -> d != rows && d != cols && !s.keys(d).isEmpty())
                .allMatch(d -> base.touches(d, String.join("|", s.keys(d)), s.effect()))).toList();
        List<String> rowKeys = keys(relevant, rows);
        List<String> colKeys = keys(relevant, cols);
        List<List<Row>> cells = new ArrayList<>();
        for (String r : rowKeys) {
            List<Row> line = new ArrayList<>();
            for (String c : colKeys) {
                progress.step();
                Answer a = catalog.decide(with(with(question, rows, r), cols, c), Explain.NONE);
                line.add(row(p, ((Answer.Answered) a).decision()));
            }
            cells.add(line);
        }
        return new Result<>(Optional.of(new Matrix(p.policy().id(), question, rows.key(), cols.key(), rowKeys, colKeys, cells)), null);
    }

    /** The matrix axis a field names: a matched dimension. */
    public static Optional<Dimension> dimension(String field) {
        return Dimension.MATCHED.stream().filter(d -> d.key().equals(field == null ? null : field.toLowerCase(Locale.ROOT))).findFirst();
    }

    private static <T> Result<T> rejected(String field, String code, String message, String help) {
        return new Result<>(Optional.empty(), new Answer.Rejected(code, message, List.of(new QueryError(field, code, message, help))));
    }

    /** A key to probe the question with before the axis keys are known: practice needs one. */
    private static String keyOrDefault(Dimension d) {
        return d == Dimension.PRACTICE ? "collect" : null;
    }

    /** The keys the statements name on a dimension, after the field left out ("in general") where a question may leave it out. */
    private static List<String> keys(List<Statement> statements, Dimension d) {
        TreeSet<String> keys = new TreeSet<>();
        statements.forEach(s -> keys.addAll(s.keys(d)));
        List<String> out = new ArrayList<>();
        if (d != Dimension.PRACTICE) {
            out.add(NOT_GIVEN);
        }
        out.addAll(keys);
        return out;
    }

    private static Query with(Query q, Dimension d, String key) {
        String k = NOT_GIVEN.equals(key) ? null : key;
        return switch (d) {
            case PRACTICE -> new Query(q.policy(), k, q.data(), q.recipient(), q.purpose(), q.subject(), q.region(), q.destination(), q.context());
            case DATA -> new Query(q.policy(), q.practice(), k, q.recipient(), q.purpose(), q.subject(), q.region(), q.destination(), q.context());
            case RECIPIENT -> new Query(q.policy(), q.practice(), q.data(), k, q.purpose(), q.subject(), q.region(), q.destination(), q.context());
            case PURPOSE -> new Query(q.policy(), q.practice(), q.data(), q.recipient(), k, q.subject(), q.region(), q.destination(), q.context());
            case SUBJECT -> new Query(q.policy(), q.practice(), q.data(), q.recipient(), q.purpose(), k, q.region(), q.destination(), q.context());
            case REGION -> new Query(q.policy(), q.practice(), q.data(), q.recipient(), q.purpose(), q.subject(), k, q.destination(), q.context());
            case DESTINATION -> new Query(q.policy(), q.practice(), q.data(), q.recipient(), q.purpose(), q.subject(), q.region(), k, q.context());
            default -> throw new IllegalArgumentException("not a matched dimension: " + d);
        };
    }

    private static Row row(LoadedPolicy p, Decision d) {
        List<String> conditions = d.conditions().stream().map(c -> c.dimension() == null ? c.key() : c.text()).distinct().toList();
        List<CiteView> cites = d.reason().stream().map(id -> DecisionExplainer.cite(p.policy(), id)).filter(Objects::nonNull).toList();
        return new Row(p.policy().id(), p.ref().version(), d.outcome(), conditions, d.reason(), cites);
    }
}
