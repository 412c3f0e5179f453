package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireBodiesTest {
    /** A stream that says nothing is available and hands out at most {@code chunk} bytes a read, as a socket may. */
    private static InputStream trickling(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void aBodyIsReadWholeWhateverTheStreamSaysIsAvailable() throws IOException {
        List<String> bodies = List.of("", "{}", "{\"policy\":\"mixpanel\"}", "é".repeat(40) + "ü", "x".repeat(64), "x".repeat(63) + "é",
                "{\"q\":\"" + "données ".repeat(5_000) + "\"}");
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertEquals(body, WireBodies.text(new ByteArrayInputStream(bytes)), "available() exact, " + bytes.length + " bytes");
            assertEquals(body, WireBodies.text(trickling(bytes, 7)), "available() 0, 7-byte reads, " + bytes.length + " bytes");
        }
    }
}
