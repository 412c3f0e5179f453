package dev.clausewise.wire;

import dev.clausewise.analysis.Compare;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One policy's answers over two dimensions, as GET /v1/compare?policy= answers and `clausewise compare --policy --json` prints. */
@Serdeable
@Schema(name = "CompareMatrix", description = "One policy's answers for each pair of keys; `cells[row][col]`; the key \"\" is the field left out.")
public record CompareMatrix(String policy, Question question, String rows, String cols, List<String> rowKeys, List<String> colKeys,
                            List<List<CompareRow>> cells) implements Comparison {
    public CompareMatrix {
        rowKeys = List.copyOf(rowKeys);
        colKeys = List.copyOf(colKeys);
        cells = cells.stream().map(List::copyOf).toList();
    }

    public static CompareMatrix of(Compare.Matrix m) {
        return new CompareMatrix(m.policy(), Question.of(m.question()), m.rows(), m.cols(), m.rowKeys(), m.colKeys(),
                m.cells().stream().map(line -> line.stream().map(CompareRow::of).toList()).toList());
    }
}
