package dev.clausewise.api;

import dev.clausewise.wire.BatchRequest;
import dev.clausewise.wire.DecisionRequest;
import dev.clausewise.wire.DiffRequest;
import dev.clausewise.wire.WireReader;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The typed request bodies are read by {@link WireReader}, field by field, ahead of the generic JSON binding: an
 * unknown field is refused by name with a "did you mean", and every problem of a body is reported at once.
 */
final class WireBodies {
    private WireBodies() {
    }

    /** Reads a body's text and hands it to the wire reader; runs before the JSON handler (order -10). */
    abstract static class Reader<T> implements MessageBodyReader<T> {
        private final Function<String, T> read;

        Reader(Function<String, T> read) {
            this.read = read;
        }

        @Override
        public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream in) {
            try {
                return read.apply(text(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The body as text, into a buffer the size of what the stream holds: {@code readAllBytes} takes 8 KB buffers for
     * a 200-byte question, a third of the bytes a decision allocated under load (JFR allocation samples).
     */
    static String text(InputStream in) throws IOException {
        // One byte over what is available, so that a body read whole needs no copy before the end of the stream.
        byte[] buf = new byte[Math.max(64, in.available() + 1)];
        int len = 0;
        for (int r; (r = in.read(buf, len, buf.length - len)) > 0; ) {
            len += r;
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    @Singleton
    @Order(-100)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    static final class Decisions extends Reader<DecisionRequest> {
        Decisions() {
            super(body -> WireReader.decision(WireReader.parse(body)));
        }
    }

    @Singleton
    @Order(-100)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    static final class Batches extends Reader<BatchRequest> {
        Batches() {
            super(body -> WireReader.batch(WireReader.parse(body)));
        }
    }

    @Singleton
    @Order(-100)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    static final class Diffs extends Reader<DiffRequest> {
        Diffs() {
            super(body -> WireReader.diff(WireReader.parse(body)));
        }
    }
}
