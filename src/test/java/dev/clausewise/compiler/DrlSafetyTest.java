package dev.clausewise.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.policy.Cite;
import dev.clausewise.policy.Effect;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.PolicySource;
import dev.clausewise.policy.Statement;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.vocabulary.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** YAML is data, never code: hostile ids are rejected, hostile quotes and sections are inert. */
class DrlSafetyTest {
    static final String HOSTILE = "x\"); end rule \"pwn\" when then System.exit(1); end //";
    static PolicyBuilder builder;

    @BeforeAll
    static void vocabulary() {
        builder = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"; System.exit(1); //", "Rule", "A-B", "x y", "-lead", "semi;colon", "end\nrule"})
    void idsOutsideThePatternAreRejectedByTheChecker(String id) {
        String yaml = "policy: tiny\nstatements:\n  - id: \""
                + id.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"\n    practice: collect\n    effect: allow\n    cite: {section: S, quote: \"We collect.\"}\n";
        PolicyBuild b = builder.build("tiny", "tiny/policy.yaml", yaml, "We collect.");
        assertFalse(b.ok());
        assertTrue(b.diagnostics().stream().anyMatch(d -> d.code().equals("invalid_id")), b.diagnostics().toString());
    }

    @Test
    void hostileQuoteAndSectionNeverReachTheDrlAndComeBackIntact() {
        String doc = "Before. " + HOSTILE + " After.";
        String yaml = "policy: tiny\nstatements:\n  - id: harmless\n    practice: share.sell\n    effect: deny\n"
                + "    cite: {section: '" + HOSTILE + "', quote: '" + HOSTILE + "'}\n";
        PolicyBuild b = builder.build("tiny", "tiny/policy.yaml", yaml, doc);
        assertTrue(b.ok(), b.diagnostics().toString());
        String drl = b.policy().orElseThrow().drl().text();
        assertFalse(drl.contains("pwn"));
        assertFalse(drl.contains("System.exit"));
        assertEquals(1, b.policy().orElseThrow().knowledge().ruleCount() - engineRuleCount());
    }

    @Test
    void theCompilerRefusesAStatementThatSlipsPastTheChecker() {
        Statement s = new Statement("ok\" when then end", null, Map.of(Dimension.PRACTICE, List.of("collect")), Effect.ALLOW,
                List.of(), List.of(), null, List.of(), List.of(), new Cite("d", "s", "q"), new SourceLocation("p.yaml", 3, 5), Map.of());
        Statement key = new Statement("fine", null, Map.of(Dimension.DATA, List.of("user\") || true || (\"")), Effect.ALLOW,
                List.of("choice.opt_in\"); System.exit(1); //"), List.of(), null, List.of(), List.of(), new Cite("d", "s", "q"), new SourceLocation("p.yaml", 9, 5), Map.of());
        CompiledDrl drl = new DrlCompiler().compile(new Policy("tiny", "t", new PolicySource(null, null, null), List.of(s, key), SourceLocation.of("p.yaml")));
        assertEquals(List.of("unsafe_literal", "unsafe_literal"), drl.diagnostics().stream().map(Diagnostic::code).toList());
        assertFalse(drl.text().contains("System.exit"));
        assertFalse(drl.text().contains("when then"));
    }

    @Test
    void literalsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\u00e9\"", DrlLiterals.quote("a\"b\\c\né"));
    }

    private static int engineRuleCount() throws RuntimeException {
        try {
            return (int) Files.readAllLines(Path.of("rules/decision.drl")).stream().filter(l -> l.startsWith("rule \"")).count();
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }
}
