package dev.clausewise.scenario;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report of a suite run, one testsuite per scenario file, in the shape of the schema Jenkins' xunit
 * plugin validates against (junit-10.xsd) plus {@code file} and {@code line} on each testcase, which GitLab and
 * other CI systems read to point at the scenario.
 */
public final class JUnitXml {
    /** The timestamp as the Ant and Surefire reports give it: local date-time without zone, here in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitXml() {
    }

    /** @param started when the run started: each testsuite's timestamp */
    public static String render(SuiteRun run, Instant started) {
        Map<String, List<ScenarioResult>> byFile = new TreeMap<>(run.results().stream().collect(Collectors.groupingBy(r -> r.file().file())));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "clausewise");
            totals(x, run.results());
            x.writeCharacters("\n");
            for (Map.Entry<String, List<ScenarioResult>> suite : byFile.entrySet()) {
                suite(x, suite.getKey(), suite.getValue(), started);
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter fails only on a broken XML implementation.
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter x, String file, List<ScenarioResult> results, Instant started) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", text(file));
        totals(x, results);
        x.writeAttribute("skipped", "0");
        x.writeAttribute("timestamp", TIMESTAMP.format(started.truncatedTo(ChronoUnit.SECONDS)));
        x.writeAttribute("file", text(file));
        x.writeCharacters("\n");
        for (ScenarioResult r : results) {
            testcase(x, r);
        }
        x.writeCharacters("  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter x, ScenarioResult r) throws XMLStreamException {
        x.writeCharacters("    ");
        boolean passed = r.status() == ScenarioResult.Status.PASS;
        if (passed) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("name", text(r.scenario().name()));
        x.writeAttribute("classname", text(classname(r)));
        x.writeAttribute("file", text(r.file().file()));
        x.writeAttribute("line", Integer.toString(r.scenario().location().line()));
        x.writeAttribute("time", seconds(r.time()));
        if (!passed) {
            boolean failed = r.status() == ScenarioResult.Status.FAIL;
            x.writeCharacters("\n      ");
            x.writeStartElement(failed ? "failure" : "error");
            // An attribute keeps no line breaks: the message is the reasons on one line, the body has them one per line.
            x.writeAttribute("message", text(String.join("; ", r.diff())));
            x.writeAttribute("type", failed ? "unexpected_answer" : "rejected_question");
            x.writeCharacters(text(r.scenario().location() + ": " + r.scenario().name() + "\n" + String.join("\n", r.diff())));
            x.writeEndElement();
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }
        x.writeCharacters("\n");
    }

    private static void totals(XMLStreamWriter x, List<ScenarioResult> results) throws XMLStreamException {
        x.writeAttribute("tests", Integer.toString(results.size()));
        x.writeAttribute("failures", Long.toString(results.stream().filter(r -> r.status() == ScenarioResult.Status.FAIL).count()));
        x.writeAttribute("errors", Long.toString(results.stream().filter(r -> r.status() == ScenarioResult.Status.ERROR).count()));
        x.writeAttribute("time", seconds(results.stream().map(ScenarioResult::time).reduce(Duration.ZERO, Duration::plus)));
    }

    /** The policy and the file's name without extension: CI tools read the classname as package.class. */
    private static String classname(ScenarioResult r) {
        String name = r.file().file().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return r.file().policy() + "." + (dot > 0 ? name.substring(0, dot) : name);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /** XML 1.0 cannot hold most control characters, even escaped: each becomes U+FFFD. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(legal(c) ? c : 0xFFFD));
        return b.toString();
    }

    private static boolean legal(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
