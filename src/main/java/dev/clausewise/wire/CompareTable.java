package dev.clausewise.wire;

import dev.clausewise.analysis.Compare;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One question and each loaded policy's answer, as GET /v1/compare answers and `clausewise compare --json` prints. */
@Serdeable
@Schema(name = "CompareTable", description = "One question, each loaded policy's answer.")
public record CompareTable(Question question, List<CompareRow> rows) implements Comparison {
    public CompareTable {
        rows = List.copyOf(rows);
    }

    public static CompareTable of(Compare.Table t) {
        return new CompareTable(Question.of(t.question()), t.rows().stream().map(CompareRow::of).toList());
    }
}
