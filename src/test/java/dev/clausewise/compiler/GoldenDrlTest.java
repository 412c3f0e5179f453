package dev.clausewise.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the compiler's output for a fixture policy. To accept a deliberate change, run the tests with
 * -Dclausewise.golden.update=true and review the diff of the golden file.
 */
class GoldenDrlTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/tiny.drl");

    @Test
    void fixturePolicyCompilesToTheGoldenDrl() throws IOException {
        PolicyBuild b = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow()
                .build(Path.of("src/test/resources/fixtures/tiny"));
        assertTrue(b.ok(), b.diagnostics().toString());
        String drl = b.policy().orElseThrow().drl().text();
        if (Boolean.getBoolean("clausewise.golden.update")) {
            Files.writeString(GOLDEN, drl);
        }
        assertEquals(Files.readString(GOLDEN), drl);
    }
}
