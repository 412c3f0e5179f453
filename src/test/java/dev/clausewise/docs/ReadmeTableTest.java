package dev.clausewise.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.scenario.OutcomeTable;
import dev.clausewise.scenario.SuiteRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's cross-policy table is generated from the cross-policy suites. To refresh it after a
 * deliberate change: ./mvnw test -Dtest=ReadmeTableTest -Dclausewise.readme.update=true
 */
class ReadmeTableTest {
    static final Path README = Path.of("README.md");
    static final String START = "<!-- cross-policy-table:start -->\n";
    static final String END = "<!-- cross-policy-table:end -->";

    @Test
    void readmeShowsTheTableTheCrossPolicySuiteProduces() throws IOException {
        PolicyCatalog catalog = PolicyCatalog.open(Path.of("policies-yaml")).catalog().orElseThrow();
        List<Path> files = SuiteRun.discover(Path.of("policies-yaml")).stream()
                .filter(p -> p.getFileName().toString().equals("cross-policy.yaml")).toList();
        assertEquals(5, files.size());
        SuiteRun run = SuiteRun.run(catalog, files);
        assertTrue(run.passed(), "the cross-policy suite passes");
        String table = OutcomeTable.markdown(run.results());
        String readme = Files.readString(README);
        int start = readme.indexOf(START) + START.length();
        int end = readme.indexOf(END);
        if (Boolean.getBoolean("clausewise.readme.update")) {
            readme = readme.substring(0, start) + table + readme.substring(end);
            Files.writeString(README, readme);
        }
        assertEquals(table, readme.substring(start, readme.indexOf(END)));
    }
}
