package dev.clausewise.cli;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Json;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryError;
import dev.clausewise.wire.DecisionResponse;
import dev.clausewise.wire.Problem;
import dev.clausewise.wire.WireReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * `decide --batch`: JSON Lines questions in, one answer line per question out, in input order. Lines are read
 * in chunks and each chunk goes through the catalog's parallel batch path, so memory stays bounded and output
 * streams. A bad line yields an error line; the stream goes on.
 */
final class BatchDecide {
    /** Enough lines per chunk to keep every core busy, few enough to stream. */
    private static final int CHUNK = 4096;

    /** An answer line that is not a decision: the input line's number and the problem, as the REST API gives it. */
    record LineError(int line, Problem error) {
    }

    /** How many questions were read and how many of them failed. */
    record Summary(int lines, int failed) {
    }

    private final PolicyCatalog catalog;
    private final Explain fallback;
    private final String defaultPolicy;

    /**
     * @param fallback the trail level for lines without `explain`
     * @param defaultPolicy the policy asked by lines without `policy`, or null
     */
    BatchDecide(PolicyCatalog catalog, Explain fallback, String defaultPolicy) {
        this.catalog = catalog;
        this.fallback = fallback;
        this.defaultPolicy = defaultPolicy;
    }

    Summary run(BufferedReader in, Writer out) throws IOException {
        int lines = 0;
        int failed = 0;
        List<String> chunk = new ArrayList<>(CHUNK);
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            chunk.add(text);
            if (chunk.size() == CHUNK) {
                failed += answer(chunk, lines + 1, out);
                lines += chunk.size();
                chunk.clear();
            }
        }
        failed += answer(chunk, lines + 1, out);
        lines += chunk.size();
        out.flush();
        return new Summary(lines, failed);
    }

    /** Answers one chunk whose first line has number {@code first}; writes one line per input line; returns the failures. */
    private int answer(List<String> chunk, int first, Writer out) throws IOException {
        Object[] results = new Object[chunk.size()];
        Query[] asked = new Query[chunk.size()];
        Map<Explain, List<Integer>> byLevel = new EnumMap<>(Explain.class);
        for (int i = 0; i < chunk.size(); i++) {
            WireReader.Line line = WireReader.line(chunk.get(i), fallback);
            if (line.request() == null) {
                results[i] = error(first + i, line.errors().get(0).code(), line.errors().get(0).message(), line.errors());
            } else {
                Query q = line.request().query();
                asked[i] = q.policy() == null && defaultPolicy != null ? q.withPolicy(defaultPolicy) : q;
                byLevel.computeIfAbsent(line.request().explainLevel(), k -> new ArrayList<>()).add(i);
            }
        }
        // A line may ask for its own trail level; each level's questions go through the batch path together.
        for (Map.Entry<Explain, List<Integer>> level : byLevel.entrySet()) {
            List<Integer> lines = level.getValue();
            List<Answer> answers = catalog.decideAll(lines.stream().map(i -> asked[i]).toList(), level.getKey());
            for (int j = 0; j < lines.size(); j++) {
                int i = lines.get(j);
                results[i] = answers.get(j) instanceof Answer.Rejected r ? error(first + i, r.code(), r.message(), r.errors())
                        : DecisionResponse.of(((Answer.Answered) answers.get(j)).decision());
            }
        }
        int failed = 0;
        for (Object r : results) {
            failed += r instanceof LineError ? 1 : 0;
            out.write(Json.write(r));
            out.write('\n');
        }
        out.flush();
        return failed;
    }

    private static LineError error(int line, String code, String message, List<QueryError> errors) {
        return new LineError(line, Problem.of(code, message, errors));
    }
}
