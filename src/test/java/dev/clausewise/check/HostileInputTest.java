package dev.clausewise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.policy.PolicyLoader;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.Suggestions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input written to cost: layered overrides, huge unknown keys, huge quotes, aliases, deep nesting. Each is bounded. */
class HostileInputTest {
    static PolicyBuilder builder;
    static final String DOC = "Header line.\nWe collect your email address when you sign up. We never sell personal information.\n";
    static final String CITE = "    cite: {section: S, quote: \"We collect your email address when you sign up.\"}\n";

    @BeforeAll
    static void vocabulary() {
        builder = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow();
    }

    static List<Diagnostic> check(String statements) {
        String yaml = "policy: tiny\nsource: {document: tiny.txt}\nstatements:\n" + statements;
        Diagnostics d = new Diagnostics();
        PolicyLoader.load("tiny/policy.yaml", yaml, d)
                .ifPresent(p -> d.addAll(new PolicyChecker(builder.vocabulary()).check(p, "tiny", new SourceText(DOC)).diagnostics()));
        return d.sorted();
    }

    static String statement(String id, String extra) {
        return "  - id: " + id + "\n    practice: collect.direct\n    data: user.contact.email\n    effect: allow\n" + extra + CITE;
    }

    @Test
    void layeredOverridesAreCheckedInLinearTime() {
        // 40 layers of 2 statements, each overriding both of the next layer: 2^40 paths, 80 statements.
        StringBuilder yaml = new StringBuilder();
        int layers = 40;
        for (int i = 0; i < layers; i++) {
            for (int j = 0; j < 2; j++) {
                String overrides = i + 1 < layers ? "    overrides: [s" + (i + 1) + "-0, s" + (i + 1) + "-1]\n" : "";
                yaml.append(statement("s" + i + "-" + j, overrides));
            }
        }
        List<Diagnostic> ds = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check(yaml.toString()));
        assertTrue(ds.stream().noneMatch(d -> d.code().equals("override_cycle")), ds.toString());
    }

    @Test
    void aCycleAtTheEndOfLayersIsStillFoundOnce() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 2; j++) {
                yaml.append(statement("s" + i + "-" + j, "    overrides: [s" + (i + 1) + "-0, s" + (i + 1) + "-1]\n"));
            }
        }
        yaml.append(statement("s30-0", "    overrides: [s30-1]\n")).append(statement("s30-1", "    overrides: [s30-0]\n"));
        List<Diagnostic> cycles = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> check(yaml.toString())).stream()
                .filter(d -> d.code().equals("override_cycle")).toList();
        assertEquals(1, cycles.size(), cycles.toString());
        assertTrue(cycles.get(0).message().contains("s30-0 -> s30-1 -> s30-0"), cycles.toString());
        assertEquals(3 + 60 * 6 + 5, cycles.get(0).location().line(), cycles.toString());
    }

    @Test
    void didYouMeanOfAMegabyteWordIsImmediate() {
        List<String> words = IntStream.range(0, 5000).mapToObj(i -> "user.contact.field" + i).toList();
        String huge = "x".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> assertTrue(Suggestions.closest(huge, words).isEmpty()));
        assertEquals("user.contact.field12", Suggestions.closest("user.contact.feild12", words).orElseThrow());
        assertEquals("email", Suggestions.closest("emial", List.of("name", "email", "phone")).orElseThrow());
    }

    @Test
    void aHugeDataKeyInYamlIsOneShortDiagnostic() {
        String yaml = "  - id: a\n    practice: collect.direct\n    data: " + "k".repeat(300_000) + "\n    effect: allow\n" + CITE;
        // Unbounded, the "did you mean" over every data key costs about 5 CPU-s for this value (16 for a megabyte).
        List<Diagnostic> ds = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(yaml));
        Diagnostic d = ds.stream().filter(x -> x.code().equals("value_too_long")).findFirst().orElseThrow(() -> new AssertionError(ds.toString()));
        assertEquals(6, d.location().line());
        assertTrue(ds.stream().allMatch(x -> x.format().length() < 2000), "every diagnostic stays short");
    }

    @Test
    void aLongKeyIsOneShortDiagnostic() {
        String yaml = statement("a", "    ? " + "k".repeat(5000) + "\n    : 1\n");
        List<Diagnostic> ds = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> check(yaml));
        Diagnostic d = ds.stream().filter(x -> x.code().equals("key_too_long")).findFirst().orElseThrow(() -> new AssertionError(ds.toString()));
        assertEquals(8, d.location().line());
        assertTrue(ds.stream().allMatch(x -> x.format().length() < 2000), ds.toString());
    }

    @Test
    void aHugeQuoteIsRefusedQuickly() {
        String quote = "We collect ".repeat(20_000);
        String yaml = "  - id: a\n    practice: collect.direct\n    effect: allow\n    cite: {section: S, quote: \"" + quote + "\"}\n";
        List<Diagnostic> ds = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> check(yaml));
        Diagnostic d = ds.stream().filter(x -> x.code().equals("value_too_long")).findFirst().orElseThrow(() -> new AssertionError(ds.toString()));
        assertEquals(7, d.location().line());
    }

    @Test
    void closestPassageOfALongQuoteIsBounded() {
        String document = IntStream.range(0, 2000).mapToObj(i -> "Sentence number " + i + " of the policy says something.").reduce("", (a, b) -> a + b + "\n");
        SourceText source = new SourceText(document);
        // Unbounded: 100,000 × 50 characters per passage, 2,000 passages, about 10^10 steps.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertTrue(source.closestPassage("a quote that is not there ".repeat(4000)).isEmpty()));
        assertEquals("Sentence number 12 of the policy says something.", source.closestPassage("Sentence number 12 of the policy say something").orElseThrow());
    }

    @Test
    void anAliasIsRejectedNeverReadAsItsName() {
        String yaml = "policy: tiny\nsource: {document: tiny.txt}\nx-effects: {a: &allow allow, d: &deny deny}\nstatements:\n"
                + "  - id: no-sale\n    practice: share.sell\n    effect: *allow\n" + CITE;
        PolicyBuild b = builder.build("tiny", "tiny/policy.yaml", yaml, DOC);
        assertFalse(b.ok());
        Diagnostic alias = b.diagnostics().stream().filter(d -> d.code().equals("yaml_alias")).findFirst()
                .orElseThrow(() -> new AssertionError(b.diagnostics().toString()));
        assertEquals(7, alias.location().line());
        assertTrue(alias.message().contains("*allow"), alias.message());
    }

    @Test
    void aMergeKeyAliasIsRejectedToo() {
        String yaml = "policy: tiny\nsource: {document: tiny.txt}\nstatements:\n  - &base\n    id: a\n    practice: collect.direct\n    effect: deny\n" + CITE
                + "  - <<: *base\n    id: b\n";
        PolicyBuild b = builder.build("tiny", "tiny/policy.yaml", yaml, DOC);
        assertFalse(b.ok());
        assertTrue(b.diagnostics().stream().anyMatch(d -> d.code().equals("yaml_alias") && d.location().line() == 9), b.diagnostics().toString());
    }

    @Test
    void deepNestingIsOneDiagnostic() {
        String yaml = "policy: tiny\nstatements: " + "[".repeat(500) + "]".repeat(500) + "\n";
        Diagnostics d = new Diagnostics();
        assertTrue(PolicyLoader.load("p.yaml", yaml, d).isEmpty() || d.hasErrors());
        assertTrue(d.sorted().stream().anyMatch(x -> x.code().equals("too_deep") || x.code().equals("yaml_syntax")), d.sorted().toString());
    }

    @Test
    void anEffectiveDateThatIsNotADateIsRefused() {
        String yaml = "policy: tiny\nsource: {document: tiny.txt, effective: \"2020-01-01\\n12:00:00 ERROR forged\"}\nstatements:\n" + statement("a", "");
        PolicyBuild b = builder.build("tiny", "tiny/policy.yaml", yaml, DOC);
        assertFalse(b.ok());
        assertTrue(b.diagnostics().stream().anyMatch(d -> d.code().equals("invalid_date")), b.diagnostics().toString());
        assertTrue(builder.build("tiny", "tiny/policy.yaml", yaml.replace("\\n12:00:00 ERROR forged", ""), DOC).ok());
    }
}
