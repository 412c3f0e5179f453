package dev.clausewise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Table-driven: one broken statement per row, the diagnostic code, where it points, and its hint. */
class PolicyCheckerTest {
    static PolicyBuilder builder;
    static final String DOC = "Header line.\nWe collect your email address when you sign up. We never sell personal information.\n";

    @BeforeAll
    static void vocabulary() {
        builder = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow();
    }

    static PolicyBuild build(String statements) {
        String yaml = "policy: tiny\nsource: {document: tiny.txt}\nstatements:\n" + statements;
        return builder.build("tiny", "tiny/policy.yaml", yaml, DOC);
    }

    static String ok(String id) {
        return "  - id: " + id + "\n    practice: collect.direct\n    data: user.contact.email\n    effect: allow\n"
                + "    cite: {section: S, quote: \"We collect your email address when you sign up.\"}\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelled data key     | data: user.contact.emial           | unknown_data_category | 7  | did you mean `user.contact.email`?
            misspelled practice     | practice: colect.direct            | unknown_practice      | 5  | did you mean `collect.direct`?
            unknown region          | regions: [FRANCE]                  | unknown_region        | 7  |
            misspelled field        | dta: user                          | unknown_key           | 7  | did you mean `data`?
            unknown effect          | effect: permit                     | invalid_effect        | 7  | write `effect: allow` or `effect: deny`
            bad duration            | retention: {key: stated_period, duration: 30 days} | invalid_duration | 7 | e.g. P30D, P13M, P2Y, PT12H
            """)
    void oneBrokenFieldGivesOneDiagnostic(String name, String line, String code, int lineNo, String help) {
        String yaml = "  - id: broken\n    practice: collect.direct\n    effect: allow\n" + "    " + line + "\n"
                + "    cite: {section: S, quote: \"We collect your email address when you sign up.\"}\n";
        if (line.startsWith("practice")) {
            yaml = "  - id: broken\n    " + line + "\n    effect: allow\n    cite: {section: S, quote: \"We collect your email address when you sign up.\"}\n";
        } else if (line.startsWith("effect")) {
            yaml = "  - id: broken\n    practice: collect.direct\n    data: user\n    " + line + "\n    cite: {section: S, quote: \"We collect your email address when you sign up.\"}\n";
        }
        PolicyBuild b = build(yaml);
        List<Diagnostic> errors = b.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), () -> errors.toString());
        Diagnostic d = errors.get(0);
        assertEquals(code, d.code());
        assertEquals("tiny/policy.yaml", d.location().file());
        assertEquals(lineNo, d.location().line(), d.format());
        assertTrue(d.location().column() > 0);
        if (help != null) {
            assertEquals(help, d.help());
        }
    }

    @Test
    void allProblemsAreReportedAtOnceSortedByLocation() {
        PolicyBuild b = build(ok("a") + ok("a") + "  - id: c\n    practice: share.sell\n    effect: deny\n    overrides: [zz]\n    conditions: [choice.opt_in]\n"
                + "    cite: {section: S, quote: \"We sell everything.\"}\n");
        List<String> codes = b.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
        assertEquals(List.of("duplicate_id", "unknown_override", "conditions_on_deny", "quote_not_found"), codes);
        Diagnostic quote = b.diagnostics().stream().filter(d -> d.code().equals("quote_not_found")).findFirst().orElseThrow();
        assertEquals("closest passage: \"We never sell personal information.\"", quote.help());
    }

    @Test
    void overrideCyclesAreFound() {
        String a = ok("a").replace("effect: allow\n", "effect: allow\n    overrides: [b]\n");
        String b2 = ok("b").replace("effect: allow\n", "effect: allow\n    overrides: [a]\n");
        PolicyBuild b = build(a + b2);
        assertTrue(b.diagnostics().stream().anyMatch(d -> d.code().equals("override_cycle") && d.message().contains("a -> b -> a")), b.diagnostics().toString());
    }

    @Test
    void aMisspelledRequiredKeyIsOneErrorNotTwo() {
        PolicyBuild b = build(ok("a").replace("practice: collect.direct", "practise: collect.direct"));
        assertEquals(List.of("unknown_key"), b.diagnostics().stream().map(Diagnostic::code).toList());
        assertEquals("did you mean `practice`?", b.diagnostics().get(0).help());
    }

    @Test
    void missingCiteIsAnError() {
        PolicyBuild b = build("  - id: a\n    practice: collect\n    effect: allow\n");
        assertEquals(List.of("missing_cite"), b.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void regionNoIsNorwayNotFalse() {
        PolicyBuild b = build(ok("a").replace("effect: allow\n", "effect: allow\n    regions: [NO, fr]\n"));
        assertTrue(b.ok(), b.diagnostics().toString());
        assertEquals(List.of("NO", "FR"), b.policy().orElseThrow().policy().statements().get(0).keys(dev.clausewise.vocabulary.Dimension.REGION));
    }

    @Test
    void aliasesResolveToKeys() {
        PolicyBuild b = build(ok("a").replace("data: user.contact.email", "data: business_contact_information").replace("practice: collect.direct", "practice: collect.direct\n    recipient: advertisers"));
        assertTrue(b.ok(), b.diagnostics().toString());
        var s = b.policy().orElseThrow().policy().statements().get(0);
        assertEquals(List.of("third_party.advertising"), s.keys(dev.clausewise.vocabulary.Dimension.RECIPIENT));
        assertTrue(s.keys(dev.clausewise.vocabulary.Dimension.DATA).contains("user.job_title"));
    }

    @Test
    void yamlSyntaxErrorsHaveAPosition() {
        PolicyBuild b = builder.build("tiny", "tiny/policy.yaml", "policy: tiny\nstatements:\n  - id: [unclosed\n", DOC);
        Diagnostic d = b.diagnostics().get(0);
        assertEquals("yaml_syntax", d.code());
        assertNotNull(d.help());
        assertTrue(d.location().line() > 0);
    }
}
