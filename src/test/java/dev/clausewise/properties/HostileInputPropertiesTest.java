package dev.clausewise.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.wire.WireReader;
import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.source.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random hostile input never escapes as an exception: policy YAML (random structure, wrong types, aliases, huge
 * scalars, deep nesting, invalid UTF-8) gives diagnostics; a decision request (random JSON in every field) gives
 * a decision or field errors, each naming its field.
 */
class HostileInputPropertiesTest {
    static PolicyCatalog catalog;
    static Path scratch;

    @BeforeContainer
    static void catalog() throws IOException {
        Path root = Files.createTempDirectory("clausewise-properties");
        Files.copy(Path.of("policies-yaml/vocabulary.yaml"), root.resolve("vocabulary.yaml"));
        Files.createDirectories(root.resolve("tiny"));
        for (String f : List.of("policy.yaml", "source.txt")) {
            Files.copy(Path.of("src/test/resources/fixtures/tiny", f), root.resolve("tiny").resolve(f));
        }
        catalog = PolicyCatalog.open(root).catalog().orElseThrow();
        scratch = Files.createTempDirectory("clausewise-properties-files");
    }

    static final List<String> KEYS = List.of("policy", "title", "source", "statements", "id", "practice", "data", "recipient", "purpose",
            "subject", "regions", "destinations", "effect", "conditions", "retention", "overrides", "acknowledged", "cite", "quote",
            "section", "key", "duration", "code", "with", "why", "<<", "effct");

    /** YAML values nested at most {@code depth} levels. */
    static Arbitrary<String> yaml(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("allow", "deny", "share.sell", "user.contact", "EU", "tiny", "null", "~", "true", "NO", "1e9", "P30D", "\"\"",
                        "*a", "&a allow", "!!binary aGk=", "!!python/object:os.system ls", "[", "]", "{", "'", "\"unclosed", "- x", ": :", "\t"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars('x').ofMinLength(19_990).ofMaxLength(20_010),
                Arbitraries.integers().between(1, 80).map(n -> "[".repeat(n) + "]".repeat(n)));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, yaml(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]"),
                Combinators.combine(Arbitraries.of(KEYS), yaml(depth - 1)).as((k, v) -> "{" + k + ": " + v + "}"));
    }

    @Provide
    Arbitrary<String> policyYaml() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(KEYS), yaml(3), Arbitraries.of("", "- "))
                .as((indent, k, v, dash) -> "  ".repeat(indent) + dash + k + ": " + v);
        return line.list().ofMaxSize(25).map(l -> "policy: tiny\n" + String.join("\n", l) + "\n");
    }

    @Property(tries = 400)
    void randomPolicyYamlGivesDiagnosticsNeverAnException(@ForAll("policyYaml") String yaml) throws IOException {
        PolicyBuild b = catalog.check("tiny", yaml);
        assertNotNull(b);
        if (!b.ok()) {
            assertTrue(b.diagnostics().stream().anyMatch(Diagnostic::isError), "a refused build says why");
        }
        assertTrue(b.diagnostics().stream().allMatch(d -> d.location() != null && d.code() != null));
    }

    @Property(tries = 200)
    void randomTextAsPolicyYamlGivesDiagnostics(@ForAll String text) throws IOException {
        PolicyBuild b = catalog.check("tiny", text);
        assertTrue(b.ok() || b.diagnostics().stream().anyMatch(Diagnostic::isError));
    }

    @Property(tries = 100)
    void randomBytesOnDiskIncludingInvalidUtf8GiveADiagnostic(@ForAll byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("tiny"));
        Files.write(dir.resolve("policy.yaml"), bytes);
        PolicyBuild b = catalog.builder().build(dir);
        assertFalse(b.ok() && bytes.length == 0);
        assertTrue(b.ok() || b.diagnostics().stream().anyMatch(Diagnostic::isError));
    }

    static final List<String> FIELDS = List.of("policy", "practice", "data", "recipient", "purpose", "subject", "region", "destination",
            "context", "explain", "consent", "optedOut", "identifiability", "age", "legalProcess", "doNotTrack", "polcy", "");

    /** JSON values nested at most {@code depth} levels (an unbounded recursive generator overflows the stack). */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1e400", "2147483648", "\"share.sell\"", "\"tiny\"", "\"FR\"", "\"none\"",
                        "\"full\"", "\"granted\"", "\"\\u0000\"", "\"\\n\"", "[]", "{}"),
                Arbitraries.strings().ofMaxLength(30).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.strings().withChars('k').ofMinLength(190).ofMaxLength(5_000).map(s -> "\"" + s + "\""));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, json(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"), object(depth - 1));
    }

    static Arbitrary<String> object(int depth) {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(FIELDS), json(depth)).as((k, v) -> "\"" + k + "\":" + v);
        return member.list().ofMaxSize(8).map(l -> "{" + String.join(",", l) + "}");
    }

    @Provide
    Arbitrary<String> jsonObject() {
        return object(3);
    }

    @Property(tries = 1000)
    void randomDecisionRequestsGiveADecisionOrNamedFieldErrors(@ForAll("jsonObject") String body) {
        WireReader.Line line = WireReader.line(body, Explain.NONE);
        if (line.request() == null) {
            assertFalse(line.errors().isEmpty());
            assertTrue(line.errors().stream().allMatch(e -> e.field() != null && e.code() != null && e.message() != null), line.errors().toString());
            return;
        }
        Answer a = catalog.decide(line.request().query(), line.request().explainLevel());
        if (a instanceof Answer.Rejected r) {
            assertTrue(r.errors().stream().allMatch(e -> e.field() != null && e.code() != null), r.errors().toString());
        }
    }

    @Property(tries = 300)
    void randomTextAsADecisionRequestNeverThrows(@ForAll String body) {
        WireReader.Line line = WireReader.line(body, Explain.NONE);
        assertTrue(line.request() != null || !line.errors().isEmpty());
    }
}
