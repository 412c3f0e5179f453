package dev.clausewise.explain;

import java.util.List;
import java.util.Map;

/** A narrower statement whose answer differs: "except subject child.under_13: DENY". */
public record Refinement(String statement, String outcome, Map<String, String> restriction, List<String> conditions,
                         String text, CiteView cite) {
    public Refinement {
        restriction = Map.copyOf(restriction);
        conditions = List.copyOf(conditions);
    }
}
