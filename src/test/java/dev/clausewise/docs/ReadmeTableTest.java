package dev.clausewise.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.analysis.Compare;
import dev.clausewise.analysis.Progress;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.cli.CompareText;
import dev.clausewise.query.Query;
import dev.clausewise.scenario.OutcomeTable;
import dev.clausewise.scenario.SuiteRun;
import dev.clausewise.testing.SharedBuilds;
import dev.clausewise.wire.QueryFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's tables are generated: the cross-policy table from the cross-policy suites, the compare table
 * from compare. To refresh them after a deliberate change: ./mvnw test -Dtest=ReadmeTableTest -Dclausewise.readme.update=true
 */
class ReadmeTableTest {
    static final Path README = Path.of("README.md");
    static final String START = "<!-- cross-policy-table:start -->\n";
    static final String END = "<!-- cross-policy-table:end -->";

    @Test
    void readmeShowsTheTableTheCrossPolicySuiteProduces() throws IOException {
        PolicyCatalog catalog = SharedBuilds.bundled();
        List<Path> files = SuiteRun.discover(Path.of("policies-yaml")).stream()
                .filter(p -> p.getFileName().toString().equals("cross-policy.yaml")).toList();
        assertEquals(5, files.size());
        SuiteRun run = SuiteRun.run(catalog, files);
        assertTrue(run.passed(), "the cross-policy suite passes");
        assertReadmeShows(START, END, OutcomeTable.markdown(run.results()));
    }

    @Test
    void readmeShowsTheCompareTableCompareProduces() throws IOException {
        PolicyCatalog catalog = SharedBuilds.bundled();
        Query question = new Query(null, "share", "user.contact", "third_party.advertising", null, null, "FR", null, Query.Context.NONE);
        Compare.Table table = Compare.question(catalog, question, Progress.NONE).value().orElseThrow();
        assertEquals(5, table.rows().size());
        assertReadmeShows("<!-- compare-table:start -->\n", "<!-- compare-table:end -->", CompareText.markdown(table));
    }

    @Test
    void readmeShowsTheRequestFieldsTheWireModelReads() throws IOException {
        assertReadmeShows("<!-- request-fields:start -->\n", "<!-- request-fields:end -->", QueryFields.markdownTable());
    }

    /** The README holds {@code text} between the markers; with -Dclausewise.readme.update=true it is written there first. */
    static void assertReadmeShows(String startMarker, String endMarker, String text) throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(startMarker) + startMarker.length();
        int end = readme.indexOf(endMarker);
        assertTrue(start >= startMarker.length() && end >= start, "markers " + startMarker.trim() + " in README.md");
        if (Boolean.getBoolean("clausewise.readme.update")) {
            readme = readme.substring(0, start) + text + readme.substring(end);
            Files.writeString(README, readme);
        }
        assertEquals(text, readme.substring(start, readme.indexOf(endMarker)));
    }
}
