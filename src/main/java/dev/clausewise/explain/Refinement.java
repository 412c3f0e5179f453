package dev.clausewise.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A narrower statement whose answer differs: "except subject child.under_13: DENY". */
public record Refinement(String statement, String outcome, Map<String, String> restriction, List<String> conditions,
                         String text, CiteView cite) {
    public Refinement {
        // Dimension order, as the text says it: JSON output must not vary between runs.
        restriction = Collections.unmodifiableMap(new LinkedHashMap<>(restriction));
        conditions = List.copyOf(conditions);
    }
}
