package dev.clausewise.wire;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of GET /v1/compare: a table of every policy's answer, or one policy's matrix over two dimensions. */
@Schema(name = "Comparison", description = "A table without `policy`, a matrix with it.", anyOf = {CompareTable.class, CompareMatrix.class})
public sealed interface Comparison permits CompareTable, CompareMatrix {
}
