package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The service's log format (logback.xml): text a client wrote cannot forge a second log line or send terminal escapes. */
class LogLineTest {
    @Test
    void aMessageWithNewlinesAndEscapesIsOneLine() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("STDERR");
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.clausewise.api.ReloadOnChange"), Level.INFO,
                "reloaded policy {}: {}", null, new Object[] {"tiny", "2020-01-01\r\n00:00:00.000 ERROR forged - \u001b[31mred"});
        String out = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out);
        assertTrue(out.endsWith("\n"));
        assertTrue(out.contains("2020-01-01\\n00:00:00.000 ERROR forged"), out);
        assertTrue(!out.contains("\u001b"), out);
    }
}
