package dev.clausewise.catalog;

import dev.clausewise.explain.Decision;
import dev.clausewise.query.QueryError;
import java.util.List;

/** A decision, or why the question could not be answered (every field error at once). */
public sealed interface Answer {
    record Answered(Decision decision) implements Answer {
    }

    record Rejected(String code, String message, List<QueryError> errors) implements Answer {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
