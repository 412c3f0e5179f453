package dev.clausewise.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.policy.Acknowledgement;
import dev.clausewise.source.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven: `acknowledged:` entries are checked like every other field: codes and ids exist, pairs name the other statement. */
class AcknowledgementCheckTest {
    static PolicyBuild build(String acknowledged) {
        PolicyCheckerTest.vocabulary();
        String a = PolicyCheckerTest.ok("a").replace("effect: allow\n", "effect: allow\n    acknowledged: [" + acknowledged + "]\n");
        return PolicyCheckerTest.build(a + PolicyCheckerTest.ok("b"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelled code   | {code: lint_conflcit, with: b, why: w}    | unknown_lint_code  | 8 | did you mean `lint_conflict`?
            unknown code      | {code: no_such_thing, with: b, why: w}    | unknown_lint_code  | 8 | one of lint_conflict, lint_shadowed, lint_opposite_effects
            misspelled id     | {code: lint_conflict, with: bb, why: w}   | unknown_statement  | 8 | did you mean `b`?
            pair without with | {code: lint_conflict, why: w}             | missing_key        | 8 | write `with: <statement id>` or `with: [<id>, ...]`
            one of a list     | {code: lint_conflict, with: [b, bb], why: w} | unknown_statement | 8 | did you mean `b`?
            itself            | {code: lint_conflict, with: a, why: w}    | acknowledge_self   | 8 |
            no reason         | {code: lint_conflict, with: b}            | missing_key        | 8 |
            unknown field     | {code: lint_conflict, with: b, why: w, because: x} | unknown_key | 8 | allowed keys: code, why, with
            """)
    void aBadAcknowledgementIsOneError(String name, String acknowledged, String code, int line, String help) {
        PolicyBuild b = build(acknowledged);
        List<Diagnostic> errors = b.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(code, errors.get(0).code());
        assertEquals(line, errors.get(0).location().line(), errors.get(0).format());
        if (help != null) {
            assertEquals(help, errors.get(0).help());
        }
    }

    @Test
    void aGoodAcknowledgementIsKeptAndChangesNothingElse() {
        PolicyBuild b = build("{code: lint_shadowed, why: \"the document says it twice\"}");
        assertTrue(b.ok(), b.diagnostics().toString());
        Acknowledgement a = b.policy().orElseThrow().policy().statements().get(0).acknowledged().get(0);
        assertEquals("lint_shadowed", a.code());
        assertEquals("the document says it twice", a.why());
    }
}
