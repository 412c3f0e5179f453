package dev.clausewise.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The diff of a policy with itself is empty; with one statement flipped it is exactly that statement's change. */
class PolicyDiffTest {
    static PolicyBuilder builder;

    @BeforeAll
    static void vocabulary() {
        builder = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow();
    }

    static LoadedPolicy build(String dir, String yaml) throws IOException {
        PolicyBuild b = builder.build(null, dir + "/policy.yaml", yaml, Files.readString(Path.of(dir, "source.txt")));
        assertTrue(b.ok(), b.diagnostics().toString());
        return b.policy().orElseThrow();
    }

    static String yaml(String dir) throws IOException {
        return Files.readString(Path.of(dir, "policy.yaml"));
    }

    static DiffReport diff(LoadedPolicy a, LoadedPolicy b) {
        return PolicyDiff.diff(a, b, builder.vocabulary(), Progress.NONE);
    }

    @Test
    void aPolicyAgainstItselfIsEmpty() throws IOException {
        LoadedPolicy a = build("policies-yaml/mixpanel", yaml("policies-yaml/mixpanel"));
        LoadedPolicy b = build("policies-yaml/mixpanel", yaml("policies-yaml/mixpanel"));
        DiffReport r = diff(a, b);
        assertTrue(r.empty(), r.changes().toString());
    }

    @Test
    void aPolicyAgainstItselfWithEveryStatementRenamedIsEmptyWithEveryQuestionAsked() throws IOException {
        String original = yaml("src/test/resources/fixtures/tiny");
        String renamed = original.replace("id: ", "id: renamed-").replace("overrides: [cookies]", "overrides: [renamed-cookies]");
        DiffReport r = diff(build("src/test/resources/fixtures/tiny", original), build("src/test/resources/fixtures/tiny", renamed));
        assertTrue(r.questions() > 0, "nothing was asked");
        assertTrue(r.evaluations() > 0);
        assertTrue(r.empty(), r.changes().toString());
    }

    @Test
    void flippingOneStatementShowsExactlyThatChange() throws IOException {
        String original = yaml("src/test/resources/fixtures/tiny");
        String flipped = original.replace("    practice: share.sell\n    effect: deny\n", "    practice: share.sell\n    effect: allow\n");
        assertFalse(flipped.equals(original));
        DiffReport r = diff(build("src/test/resources/fixtures/tiny", original), build("src/test/resources/fixtures/tiny", flipped));
        // Before, the only statement on share.sell is narrower than "share": the policy is silent on sharing in general.
        assertEquals(List.of("share any data: NOT_ADDRESSED -> ALLOW_WITH_CONDITIONS", "share.sell any data: DENY -> ALLOW"),
                r.changes().stream().map(DiffReport.Change::text).toList());
        DiffReport.Change sell = r.changes().get(1);
        assertEquals(List.of("no-sale"), sell.before().reasons());
        assertEquals(List.of("no-sale"), sell.after().reasons());
        assertEquals("We never sell personal information.", sell.before().cites().get(0).quote());
        assertEquals("share.sell", sell.example().practice());
    }

    @Test
    void flippingOneStatementOfABundledPolicyChangesOnlyQuestionsItDecides() throws IOException {
        String original = yaml("policies-yaml/mixpanel");
        String flipped = original.replace("    recipient: affiliate\n    effect: allow\n", "    recipient: affiliate\n    effect: deny\n");
        assertFalse(flipped.equals(original));
        DiffReport r = diff(build("policies-yaml/mixpanel", original), build("policies-yaml/mixpanel", flipped));
        assertFalse(r.empty());
        for (DiffReport.Change c : r.changes()) {
            assertTrue(c.before().reasons().contains("share-affiliates") || c.after().reasons().contains("share-affiliates"), c.text());
            assertTrue(c.where().get("recipient").stream().anyMatch(k -> k.equals("affiliate") || k.equals("(not given)")), c.text());
        }
        // share.sell of personal data to an affiliate was already denied (no-sale) and a share allow never reached it;
        // cross-context advertising is an act of its own too: the allow did not permit it, the deny forbids it.
        assertTrue(r.changes().stream().anyMatch(c -> c.text().equals("{share, share.make_public} any data with affiliate: ALLOW -> DENY")),
                r.changes().stream().map(DiffReport.Change::text).toList().toString());
    }
}
