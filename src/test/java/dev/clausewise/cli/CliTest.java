package dev.clausewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's contract: output formats and exit codes 0 / 1 / 2. */
class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void validateReportsAMisspelledKeyWithFileLineColAndHint(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("broken");
        Files.createDirectories(p);
        Files.writeString(p.resolve("source.txt"), "We collect your email address.");
        Files.writeString(p.resolve("policy.yaml"), "policy: broken\nstatements:\n  - id: email\n    practice: collect.direct\n"
                + "    data: user.contact.emial\n    effect: allow\n    cite: {section: S, quote: \"We collect your email address.\"}\n");
        Run r = run("validate", p.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(p.resolve("policy.yaml") + ":5:11: unknown_data_category: unknown data `user.contact.emial`"), r.out());
        assertTrue(r.out().contains("help: did you mean `user.contact.email`?"), r.out());
    }

    @Test
    void validateOfTheBundledPoliciesIsClean() {
        Run r = run("validate");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("5 policies validated: 0 errors"), r.out());
    }

    @Test
    void compileEmitsReadableDrl() {
        Run r = run("compile", "--emit-drl", "mixpanel");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rule \"statement no-sale\""));
        assertTrue(r.out().contains("touches(Dimension.PRACTICE, \"share.sell\")"));
    }

    @Test
    void decideAnswersAndExplains() {
        Run r = run("decide", "--policy", "mixpanel", "--practice", "share.sell", "--data", "user.contact.email", "--recipient", "third_party.unnamed", "--region", "US");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("DENY"), r.out());
        assertTrue(r.out().contains("Mixpanel does not sell the personal information or personal data we collect."), r.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("decide", "--policy", "mixpanel").code());
        assertEquals(2, run("decide", "--policy", "mixpanel", "--practice", "shar").code());
        assertEquals(2, run("no-such-command").code());
    }

    @Test
    void testCommandReportsAFailureWithFileLineAndDiff(@TempDir Path dir) throws IOException {
        Path suite = dir.resolve("wrong.yaml");
        Files.writeString(suite, "policy: mixpanel\nscenarios:\n  - name: wrong on purpose\n    query: {practice: share.sell}\n    expect: {outcome: ALLOW}\n");
        Run r = run("test", suite.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAIL  " + suite + ":3:5  wrong on purpose"), r.out());
        assertTrue(r.out().contains("outcome: expected ALLOW, actual DENY"), r.out());
        assertTrue(r.out().contains("0 passed, 1 failed"), r.out());
    }
}
