package dev.clausewise.api;

import dev.clausewise.wire.DecisionResponse;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a decision as the JSON mapper does, byte for byte, but encodes each trail step and each refinement of a
 * question class once: a memo hit shares the class's steps and refinements (their quotes are most of a full-trail
 * answer's bytes), so only the question's own parts (its decision id, its normalize step, the first step of every
 * trail) and the small rest are encoded per answer.
 */
@Singleton
@Order(-100)
@Produces(MediaType.APPLICATION_JSON)
final class DecisionWriter implements MessageBodyWriter<DecisionResponse> {
    /** Encoded elements kept; beyond, the cache starts over (the classes asked since are encoded again). */
    static final int MAX_ELEMENTS = 20_000;
    private static final byte[] EMPTY_TRAIL = ",\"trail\":[]".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_REFINEMENTS = ",\"refinements\":[]".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper mapper;
    private final Map<Object, byte[]> encoded = new ConcurrentHashMap<>();

    DecisionWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void writeTo(Argument<DecisionResponse> type, MediaType mediaType, DecisionResponse decision, MutableHeaders headers,
                        OutputStream out) throws CodecException {
        if (!headers.contains(HttpHeaders.CONTENT_TYPE)) {
            headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        try {
            write(decision, out);
        } catch (IOException e) {
            throw new CodecException("cannot write the decision: " + e.getMessage(), e);
        }
    }

    void write(DecisionResponse decision, OutputStream out) throws IOException {
        byte[] rest = mapper.writeValueAsBytes(decision.withTrail(List.of()).withRefinements(List.of()));
        // Strings escape their quotes, so the first unescaped `,"trail":[]` is the decision's own field, and the
        // refinements follow the trail.
        int trailAt = indexOf(rest, EMPTY_TRAIL, 0) + EMPTY_TRAIL.length - 1;
        int refinementsAt = indexOf(rest, EMPTY_REFINEMENTS, trailAt) + EMPTY_REFINEMENTS.length - 1;
        out.write(rest, 0, trailAt);
        // The first step is the question's own normalize step: encoded each time, never kept.
        writeElements(decision.trail(), 1, out);
        out.write(rest, trailAt, refinementsAt - trailAt);
        writeElements(decision.refinements(), 0, out);
        out.write(rest, refinementsAt, rest.length - refinementsAt);
    }

    /** The elements of a JSON array, comma-separated; those from index {@code keptFrom} on come from the cache. */
    private void writeElements(List<?> elements, int keptFrom, OutputStream out) throws IOException {
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(i < keptFrom ? mapper.writeValueAsBytes(elements.get(i)) : encoded(elements.get(i)));
        }
    }

    private byte[] encoded(Object element) throws IOException {
        byte[] b = encoded.get(element);
        if (b == null) {
            b = mapper.writeValueAsBytes(element);
            if (encoded.size() >= MAX_ELEMENTS) {
                encoded.clear();
            }
            encoded.put(element, b);
        }
        return b;
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("a decision's JSON has no " + new String(what, StandardCharsets.UTF_8) + " field");
    }
}
