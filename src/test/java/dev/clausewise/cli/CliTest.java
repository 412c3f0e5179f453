package dev.clausewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.scenario.JUnitXmlTest;
import dev.clausewise.testing.SharedBuilds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract: output formats and exit codes 0 / 1 / 2. */
class CliTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runIn(Path.of(""), args);
    }

    /** Runs the command as a caller in {@code cwd} would. */
    static Run runIn(Path cwd, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine(SharedBuilds.BUILDERS, cwd).execute(args);
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
        assertTrue(r.out().contains("// practice share.sell / data user\n"), r.out());
        assertTrue(r.out().contains("Candidate.of($r, \"no-sale\", Effect.DENY"), r.out());
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
    void testCommandReportsAFailureWithFileLineAndDiff(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("wrong.yaml");
        Files.writeString(suite, "policy: mixpanel\nscenarios:\n  - name: wrong on purpose\n    query: {practice: share.sell}\n    expect: {outcome: ALLOW}\n");
        Path report = dir.resolve("report.xml");
        Run r = run("test", "--junit-xml", report.toString(), suite.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("FAIL  " + suite + ":3:5  wrong on purpose"), r.out());
        assertTrue(r.out().contains("outcome: expected ALLOW, actual DENY"), r.out());
        assertTrue(r.out().contains("0 passed, 1 failed"), r.out());
        String xml = Files.readString(report);
        JUnitXmlTest.validate(xml, JUnitXmlTest.WITH_FILE_LINE);
        assertTrue(xml.contains("<testcase name=\"wrong on purpose\" classname=\"mixpanel.wrong\" file=\"" + suite + "\" line=\"3\""), xml);
        assertTrue(xml.contains("<failure message=\"outcome: expected ALLOW, actual DENY\" type=\"unexpected_answer\">"), xml);
    }

    @Test
    void lintOfTheBundledPoliciesIsCleanWithEveryFindingAcknowledged() {
        // The root named with a trailing slash: the same as no argument (PolicyArgsTest), without linting twice.
        Run r = run("lint", "policies-yaml/");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("5 policies linted: 0 errors, 0 findings, "), r.out());
        assertTrue(r.out().contains("[acknowledged]"), r.out());
    }

    @Test
    void lintReportsAConflictAtFileLineColWithItsWitness(@TempDir Path dir) throws IOException {
        Path p = lintFixture(dir, "conflict");
        Run r = run("lint", p.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(p.resolve("policy.yaml") + ":4:9: lint_conflict: deny `no-sale` and allow `share-partners`"), r.out());
        assertTrue(r.out().contains("witness: practice=share.sell data=user recipient=third_party -> DENY by no-sale, share-partners (decide: conflict denies)"), r.out());
        assertTrue(r.out().contains("1 policies linted: 0 errors, 1 findings, 0 acknowledged"), r.out());
    }

    static Path lintFixture(Path dir, String name) throws IOException {
        Path p = dir.resolve("lintfix");
        Files.createDirectories(p);
        Files.copy(Path.of("src/test/resources/fixtures/lint", name + ".yaml"), p.resolve("policy.yaml"));
        Files.copy(Path.of("src/test/resources/fixtures/lint/source.txt"), p.resolve("source.txt"));
        return p;
    }

    @Test
    void diffOfAPolicyWithItselfIsEmptyAndWithAFlippedStatementShowsTheChange(@TempDir Path dir) throws IOException {
        Run same = run("diff", "mixpanel", "policies-yaml/mixpanel");
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("0 changes"), same.out());
        Path flipped = dir.resolve("tiny");
        Files.createDirectories(flipped);
        Files.copy(Path.of("src/test/resources/fixtures/tiny/source.txt"), flipped.resolve("source.txt"));
        Files.writeString(flipped.resolve("policy.yaml"), Files.readString(Path.of("src/test/resources/fixtures/tiny/policy.yaml"))
                .replace("    practice: share.sell\n    effect: deny\n", "    practice: share.sell\n    effect: allow\n"));
        Run r = run("diff", "src/test/resources/fixtures/tiny", flipped.resolve("policy.yaml").toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("share.sell any data: DENY -> ALLOW\n    - DENY  by no-sale\n        \"We never sell personal information.\"\n    + ALLOW  by no-sale"), r.out());
        assertTrue(r.out().contains("2 changes;"), r.out());
        assertTrue(r.err().isEmpty(), "no progress bar outside a terminal: " + r.err());
    }

    @Test
    void compareAsksEveryPolicyAndPrintsAnAlignedTable() {
        Run r = run("compare", "--practice", "share", "--data", "user.contact", "--recipient", "third_party.advertising", "--region", "FR");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(6, lines.length, r.out());
        assertTrue(lines[0].startsWith("policy     outcome"), r.out());
        assertTrue(lines[2].startsWith("mixpanel   "), r.out());
        assertEquals(lines[0].indexOf("outcome"), lines[2].indexOf(lines[2].substring(11).trim().split(" ")[0]), r.out());
    }

    @Test
    void compareMatrixIsOnePolicyOverTwoDimensions() {
        Run r = run("compare", "--policy", "mixpanel", "--practice", "share", "--rows", "data", "--cols", "recipient");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("mixpanel: data x recipient\ndata \\ recipient  (not given)  affiliate"), r.out());
    }

    @Test
    void analysisUsageErrorsExitTwo() {
        Run rows = run("compare", "--policy", "mixpanel", "--practice", "share", "--rows", "dat", "--cols", "recipient");
        assertEquals(2, rows.code());
        assertTrue(rows.err().contains("help: did you mean `data`?"), rows.err());
        Run practice = run("compare", "--data", "user");
        assertEquals(2, practice.code());
        assertTrue(practice.err().contains("--practice: missing_field"), practice.err());
        Run unknown = run("diff", "mixpanl", "pulumi");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("help: did you mean `mixpanel`?"), unknown.err());
        assertEquals(2, run("lint", "pulumy").code());
    }

    @Test
    void everyCommandTakesIdsFoldersPolicyFilesAndTheRoot() {
        Run root = run("validate", "policies-yaml");
        assertEquals(0, root.code(), root.out() + root.err());
        assertTrue(root.out().contains("5 policies validated: 0 errors"), root.out());
        Run file = run("validate", "policies-yaml/mixpanel/policy.yaml");
        assertEquals(0, file.code(), file.out() + file.err());
        assertTrue(file.out().contains("mixpanel: ok") && file.out().contains("1 policies validated"), file.out());
        Run folder = run("test", "policies-yaml/workato");
        assertEquals(0, folder.code(), folder.out() + folder.err());
        assertTrue(folder.out().contains("PASS  policies-yaml/workato/scenarios/"), folder.out());
        assertTrue(!folder.out().contains("policies-yaml/mixpanel/scenarios/"), "only workato's scenarios: " + folder.out());
        Run id = run("decide", "mixpanel", "--practice", "share.sell", "--explain", "none");
        assertEquals(0, id.code(), id.err());
        assertTrue(id.out().startsWith("DENY  (mixpanel "), id.out());
        Run path = run("decide", "policies-yaml/mixpanel", "--practice", "share.sell", "--explain", "none");
        assertEquals(id.out(), path.out());
        Run compile = run("compile", "policies-yaml/pulumi/");
        assertEquals(0, compile.code(), compile.err());
        assertTrue(compile.out().startsWith("pulumi: "), compile.out());
        Run lint = run("lint", "policies-yaml/workato/policy.yaml");
        assertEquals(0, lint.code(), lint.out() + lint.err());
        assertTrue(lint.out().contains("1 policies linted: 0 errors, 0 findings"), lint.out());
    }

    @Test
    void pathsResolveFromTheCallersFolderAndTheRootIsFoundAbove(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("source.txt"), "We collect your email address.");
        Files.writeString(bad.resolve("policy.yaml"), "policy: bad\nstatements:\n  - id: email\n    practice: collect.direct\n"
                + "    data: user.contact.emial\n    effect: allow\n    cite: {section: S, quote: \"We collect your email address.\"}\n");
        // A caller two folders below the project: the root is the project's policies-yaml, ../.. paths are theirs.
        Path cwd = Path.of("src/main").toAbsolutePath();
        String relative = cwd.relativize(bad).toString();
        Run r = runIn(cwd, "validate", relative);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("unknown_data_category: unknown data `user.contact.emial`"), r.out());
        assertTrue(r.out().contains("1 policies validated: 1 errors"), r.out());
        Run id = runIn(cwd, "decide", "mixpanel", "--practice", "share.sell", "--explain", "none");
        assertEquals(0, id.code(), id.err());
        Run missing = runIn(cwd, "validate", "../bad");
        assertEquals(2, missing.code(), missing.out() + missing.err());
        assertTrue(missing.err().contains("../bad: unknown_policy: no policy `../bad`"), missing.err());
    }

    @Test
    void serveOnABrokenVocabularySaysWhyInOneLineAndExitsTwo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("vocabulary.yaml"), "practice: [unclosed\n");
        Run r = run("serve", "--policies", dir.toString(), "--port", "0", "--cache-dir", "off");
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("cannot serve: " + dir.resolve("vocabulary.yaml") + ":"), r.err());
    }

    @Test
    void helpWorksForEveryCommandAndListsTheSameExitCodes() {
        Run top = run("help");
        assertEquals(0, top.code());
        for (String command : new String[] {"serve", "decide", "validate", "compile", "test", "lint", "diff", "compare", "vocabulary"}) {
            Run help = run("help", command);
            assertEquals(0, help.code(), command);
            assertTrue(help.out().startsWith("Usage: clausewise " + command), help.out());
            assertTrue(help.out().contains("Exit codes:\n  0   done and nothing found"), command + ": " + help.out());
            assertTrue(help.out().contains("  2   usage: "), command + ": " + help.out());
            assertEquals(help.out(), run(command, "--help").out());
        }
        Run decide = run("help", "decide");
        assertTrue(decide.out().replaceAll("\\s+", " ").contains("--subject=KEY Data subject key or alias"), decide.out());
        assertTrue(decide.out().replaceAll("\\s+", " ").contains("--purpose=KEY Purpose key or alias"), decide.out());
    }

    @Test
    void aPolicyGivenTwiceOrNotOneIsAUsageError() {
        Run twice = run("decide", "mixpanel", "--policy", "pulumi", "--practice", "share");
        assertEquals(2, twice.code());
        assertTrue(twice.err().contains("given twice"), twice.err());
        Run root = run("compile", "policies-yaml");
        assertEquals(2, root.code());
        assertTrue(root.err().contains("POLICY: not_one_policy: POLICY names 5 policies, not one"), root.err());
        for (String command : new String[] {"validate", "lint"}) {
            Run scenarios = run(command, "policies-yaml/mixpanel/scenarios/cross-policy.yaml");
            assertEquals(2, scenarios.code(), command);
            assertTrue(scenarios.err().contains("cross-policy.yaml: not_a_policy: not a policy.yaml (scenario files are run by `test`)"), scenarios.err());
        }
    }

    @Test
    void vocabularyListsADimensionAsATreeAndFindsKeysFromWords() {
        Run all = run("vocabulary");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().startsWith("practice  "), all.out());
        Run tree = run("vocabulary", "recipient");
        assertEquals(0, tree.code(), tree.err());
        assertTrue(tree.out().contains("\nservice_provider  (alias service_providers, vendor)  "), tree.out());
        assertTrue(tree.out().contains("\n  service_provider.analytics  "), "children indented under their parent: " + tree.out());
        Run search = run("vocabulary", "--search", "cookies", "--limit", "2");
        assertEquals(0, search.code(), search.err());
        assertEquals(2, search.out().lines().count(), search.out());
        assertTrue(search.out().contains("data  user.device.cookie_id  (alias cookie_id, "), search.out());
        Run regions = run("vocabulary", "region");
        assertTrue(regions.out().contains("\n      EU  European Union (27 member states): AT "), regions.out());
        Run unknown = run("vocabulary", "dat");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("help: did you mean `data`?"), unknown.err());
        assertEquals(1, run("vocabulary", "--search", "zzqx").code());
    }
}
