package dev.clausewise.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.query.Query;
import dev.clausewise.source.SourceLocation;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The JUnit XML report: valid against the Jenkins xunit schema (plus testcase file/line), totals, times, reasons. */
public class JUnitXmlTest {
    static final Path XUNIT = Path.of("src/test/resources/junit/jenkins-xunit-junit-10.xsd");
    public static final Path WITH_FILE_LINE = Path.of("src/test/resources/junit/junit-10-with-testcase-file-line.xsd");

    static ScenarioResult result(ScenarioFile f, String name, int line, ScenarioResult.Status status, List<String> diff, long millis) {
        Query q = new Query(f.policy(), "share.sell", null, null, null, null, null, null, Query.Context.NONE);
        Scenario s = new Scenario(name, q, null, new Expectation("ALLOW", List.of(), List.of(), List.of(), null), new SourceLocation(f.file(), line, 5));
        return new ScenarioResult(f, s, status, diff, null, Duration.ofMillis(millis));
    }

    static SuiteRun run() {
        ScenarioFile a = new ScenarioFile("policies-yaml/mixpanel/scenarios/core.yaml", "mixpanel", List.of());
        ScenarioFile b = new ScenarioFile("policies-yaml/pulumi/scenarios/edge.yaml", "pulumi", List.of());
        return new SuiteRun(List.of(
                result(a, "never sold", 3, ScenarioResult.Status.PASS, List.of(), 2),
                result(a, "wrong <on> \"purpose\" & \u0001bell\u0007", 7, ScenarioResult.Status.FAIL,
                        List.of("outcome: expected ALLOW, actual DENY", "reason: expected to include [x\u001b], actual []"), 5),
                result(b, "rejected", 4, ScenarioResult.Status.ERROR, List.of("practice: unknown_practice: unknown practice `shar`"), 1250)),
                List.of(), List.of());
    }

    @Test
    void theReportIsValidAgainstTheXunitSchemaWithTestcaseFileAndLine() throws Exception {
        String xml = JUnitXml.render(run(), Instant.parse("2026-12-02T03:04:05.678Z"));
        validate(xml, WITH_FILE_LINE);
        validate(withoutTestcaseFileAndLine(xml), XUNIT);
        // The unmodified xunit schema has no file/line on testcase: that is the one departure, and the check above sees it.
        assertThrows(SAXException.class, () -> validate(xml, XUNIT));
    }

    @Test
    void totalsTimesTimestampLocationsAndReasons() throws Exception {
        Document d = parse(JUnitXml.render(run(), Instant.parse("2026-12-02T03:04:05.678Z")));
        Element root = d.getDocumentElement();
        assertEquals("3", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("1.257", root.getAttribute("time"));
        NodeList suites = d.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element core = (Element) suites.item(0);
        assertEquals("policies-yaml/mixpanel/scenarios/core.yaml", core.getAttribute("name"));
        assertEquals("2", core.getAttribute("tests"));
        assertEquals("1", core.getAttribute("failures"));
        assertEquals("0", core.getAttribute("errors"));
        assertEquals("0", core.getAttribute("skipped"));
        assertEquals("0.007", core.getAttribute("time"));
        assertEquals("2026-12-02T03:04:05", core.getAttribute("timestamp"));
        assertEquals("policies-yaml/mixpanel/scenarios/core.yaml", core.getAttribute("file"));

        Element failed = (Element) d.getElementsByTagName("testcase").item(1);
        assertEquals("wrong <on> \"purpose\" & \uFFFDbell\uFFFD", failed.getAttribute("name"));
        assertEquals("mixpanel.core", failed.getAttribute("classname"));
        assertEquals("policies-yaml/mixpanel/scenarios/core.yaml", failed.getAttribute("file"));
        assertEquals("7", failed.getAttribute("line"));
        assertEquals("0.005", failed.getAttribute("time"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("outcome: expected ALLOW, actual DENY; reason: expected to include [x\uFFFD], actual []", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("policies-yaml/mixpanel/scenarios/core.yaml:7:5: wrong"), failure.getTextContent());
        assertTrue(failure.getTextContent().endsWith("\noutcome: expected ALLOW, actual DENY\nreason: expected to include [x\uFFFD], actual []"),
                failure.getTextContent());

        Element rejected = (Element) d.getElementsByTagName("testcase").item(2);
        assertEquals("1.250", rejected.getAttribute("time"));
        Element error = (Element) rejected.getElementsByTagName("error").item(0);
        assertEquals("practice: unknown_practice: unknown practice `shar`", error.getAttribute("message"));
        assertFalse(((Element) d.getElementsByTagName("testcase").item(0)).hasChildNodes(), "a pass has no body");
    }

    @Test
    void everyCharacterXmlCannotHoldIsReplaced() {
        assertEquals("a\uFFFDb\tc\n\uFFFD\uFFFD\uD83D\uDE00", JUnitXml.text("a\u0000b\tc\n\uFFFE\uD800\uD83D\uDE00"));
    }

    /** Validates {@code xml} against {@code xsd}; throws SAXException naming the first violation. */
    public static void validate(String xml, Path xsd) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String withoutTestcaseFileAndLine(String xml) throws Exception {
        Document d = parse(xml);
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            ((Element) cases.item(i)).removeAttribute("file");
            ((Element) cases.item(i)).removeAttribute("line");
        }
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d), new StreamResult(out));
        return out.toString();
    }
}
