package dev.clausewise.analysis;

import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.query.Query;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact semantic difference of two policies: every class of questions whose answer changes from {@code a}
 * to {@code b}, grouped into general changes. {@code questions} counts the question classes compared (the rest
 * of the space has the same relevant statements on both sides), {@code evaluations} the engine runs it took.
 */
public record DiffReport(PolicyRef a, PolicyRef b, long questions, long evaluations, List<Change> changes) {
    public DiffReport {
        changes = List.copyOf(changes);
    }

    public boolean empty() {
        return changes.isEmpty();
    }

    /**
     * One general change: the questions it covers ({@code where}: per field, general keys; a field left out is
     * any value), an example question, and each side's answer with the statements that decide it.
     */
    public record Change(String text, Map<String, List<String>> where, Side before, Side after, Query example) {
        public Change {
            where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
        }
    }

    /** One side's answer and its reasons, each with the clause it quotes. */
    public record Side(String answer, String outcome, List<String> conditions, List<String> reasons, List<CiteView> cites) {
        public Side {
            conditions = List.copyOf(conditions);
            reasons = List.copyOf(reasons);
            cites = List.copyOf(cites);
        }
    }
}
