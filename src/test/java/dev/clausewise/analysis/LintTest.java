package dev.clausewise.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: one small fixture policy per lint code, the finding it gets, where it points and its witness. */
class LintTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/lint");
    static PolicyBuilder builder;

    @BeforeAll
    static void vocabulary() {
        builder = SharedBuilds.BUILDERS.builder(SharedBuilds.BUNDLED, new Diagnostics()).orElseThrow();
    }

    static LintReport lint(String fixture) throws IOException {
        Path file = FIXTURES.resolve(fixture + ".yaml");
        return new Lint(builder.vocabulary()).lint(builder, "lintfix", file.toString(), Files.readString(file),
                Files.readString(FIXTURES.resolve("source.txt")), Progress.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            conflict               | lint_conflict               | 4  | no-sale       | share-partners | DENY   | decide: conflict denies | false
            acknowledged           | lint_conflict               | 4  | no-sale       | share-partners | DENY   | decide: conflict denies | true
            shadowed               | lint_shadowed               | 9  | share-contact | -              | DENY   | decide: deny            | false
            opposite               | lint_opposite_effects       | 13 | no-cookie-sharing | cookies    | DENY   | decide: deny            | false
            unused-acknowledgement | lint_unused_acknowledgement | 8  | collect-email | no-sale        | -      | -                       | false
            cycle                  | override_cycle              | 7  | no-sale       | -              | -      | -                       | false
            missing-cite           | missing_cite                | 4  | collect-email | -              | -      | -                       | false
            """)
    void eachFixtureGetsItsOneFinding(String fixture, String code, int line, String statement, String with, String outcome,
                                      String rule, boolean acknowledged) throws IOException {
        LintReport r = lint(fixture);
        assertEquals(1, r.findings().size(), () -> r.findings().stream().map(Finding::format).toList().toString());
        Finding f = r.findings().get(0);
        assertEquals(code, f.diagnostic().code());
        assertEquals(line, f.diagnostic().location().line(), f.format());
        assertTrue(f.diagnostic().location().file().endsWith(fixture + ".yaml"));
        assertEquals(statement, f.statement());
        assertEquals(with, f.with());
        assertEquals(acknowledged, f.isAcknowledged());
        assertEquals(!acknowledged, f.fails());
        if (code.equals("lint_unused_acknowledgement")) {
            assertNull(f.witness());
            return;
        }
        assertEquals(outcome, f.witness().outcome(), f.format());
        assertEquals(rule, f.witness().rule(), f.format());
    }

    @Test
    void theConflictWitnessIsTheMostGeneralQuestionBothApplyTo() throws IOException {
        Witness w = lint("conflict").findings().get(0).witness();
        assertEquals("share.sell", w.question().practice());
        assertEquals("third_party", w.question().recipient());
        assertEquals(java.util.List.of("no-sale", "share-partners"), w.reasons());
    }

    @Test
    void theShadowedStatementsWitnessShowsWhoDecidesInstead() throws IOException {
        Witness w = lint("shadowed").findings().get(0).witness();
        assertEquals("user.contact", w.question().data());
        assertEquals(java.util.List.of("no-share"), w.reasons());
    }

    @Test
    void aCycleWitnessIsWhereBothStatementsApplyAndIsNotEvaluated() throws IOException {
        Finding f = lint("cycle").findings().get(0);
        assertTrue(f.diagnostic().isError());
        assertEquals("share.sell", f.witness().question().practice());
        assertEquals("third_party", f.witness().question().recipient());
        assertTrue(f.witness().describe().contains("not evaluated"), f.format());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"clean", "overrides", "opposite-exception"})
    void aPolicyWithoutProblemsIsClean(String fixture) throws IOException {
        LintReport r = lint(fixture);
        assertTrue(r.findings().isEmpty(), () -> r.findings().stream().map(Finding::format).toList().toString());
        assertTrue(r.clean());
        assertTrue(r.questions() > 0);
    }

    @Test
    void anAcknowledgementNamesSeveralStatementsAndEachOneThatMatchesNothingIsReported() throws IOException {
        LintReport r = lint("acknowledged-list");
        assertEquals(List.of("lint_conflict", "lint_unused_acknowledgement"), r.findings().stream().map(f -> f.diagnostic().code()).toList());
        assertTrue(r.findings().get(0).isAcknowledged());
        Finding unused = r.findings().get(1);
        assertEquals("collect-email", unused.with());
        assertEquals(9, unused.diagnostic().location().line());
        assertFalse(r.clean());
    }

    @Test
    void findingsFormatAsFileLineColCodeMessageWithHintAndWitness() throws IOException {
        String text = lint("conflict").findings().get(0).format();
        assertTrue(text.startsWith(FIXTURES.resolve("conflict.yaml") + ":4:9: lint_conflict: deny `no-sale` and allow `share-partners`"), text);
        assertTrue(text.contains("help: if the policy text says which wins, add `overrides: [share-partners]`"), text);
        assertTrue(text.contains("witness: practice=share.sell data=user recipient=third_party -> DENY by no-sale, share-partners (decide: conflict denies)"), text);
        assertFalse(lint("acknowledged").clean() && !lint("acknowledged").findings().get(0).isAcknowledged());
    }
}
