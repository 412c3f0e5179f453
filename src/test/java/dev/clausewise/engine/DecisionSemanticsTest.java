package dev.clausewise.engine;

import dev.clausewise.vocabulary.Dimension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.ConditionView;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.explain.Refinement;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.reference.ReferenceDecision;
import dev.clausewise.reference.ReferenceEvaluator;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Overrides, conflicts, conditions and outcomes (docs/semantics.md steps 3–5), table-driven over one small policy
 * whose statements are chosen to exercise each rule of rules/decision.drl; the reference evaluator must give each row's answer too.
 */
class DecisionSemanticsTest {
    static final String DOC = "Clause one. Clause two. Clause three. Clause four. Clause five. Clause six. Clause seven. Clause eight. Clause nine.";
    static final String POLICY = """
            policy: semantics
            source: {document: semantics.txt}
            statements:
              - id: collect-any
                practice: collect
                effect: allow
                cite: {section: A, quote: "Clause one."}
              - id: no-kids
                practice: collect
                subject: child.under_13
                effect: deny
                cite: {section: A, quote: "Clause two."}
              - id: share-providers
                practice: share
                recipient: service_provider
                effect: allow
                cite: {section: B, quote: "Clause three."}
              - id: share-advertisers-consent
                practice: share
                recipient: third_party.advertising
                effect: allow
                conditions: [choice.opt_in]
                cite: {section: B, quote: "Clause four."}
              - id: no-sale
                practice: share.sell
                effect: deny
                cite: {section: B, quote: "Clause five."}
              - id: marketing-email
                practice: use
                data: user.contact.email
                purpose: marketing.communications
                effect: allow
                conditions: [choice.opt_out.link]
                cite: {section: C, quote: "Clause six."}
              - id: use-email-service
                practice: use
                data: user.contact.email
                effect: allow
                cite: {section: C, quote: "Clause seven."}
              - id: no-use-email-ads
                practice: use
                data: user.contact
                purpose: marketing.advertising
                effect: deny
                cite: {section: C, quote: "Clause eight."}
              - id: ads-email-exception
                practice: use
                data: user
                purpose: marketing.advertising.first_party
                effect: allow
                overrides: [no-use-email-ads]
                conditions: [identifiability.aggregated]
                cite: {section: C, quote: "Clause nine."}
              - id: legal
                practice: share
                recipient: third_party.legal
                effect: allow
                conditions: [trigger.required_by_law]
                cite: {section: D, quote: "Clause nine."}
              - id: legal-equal
                practice: share
                recipient: third_party.legal
                effect: deny
                cite: {section: D, quote: "Clause eight."}
              - id: no-kids-track
                practice: third_party_collect
                subject: child.under_13
                effect: deny
                cite: {section: F, quote: "Clause two."}
              - id: transfer-us
                practice: transfer.international
                destinations: US
                effect: allow
                any_of: [transfer_mechanism.standard_contractual_clauses, legal_basis.consent]
                cite: {section: F, quote: "Clause three."}
              - id: share-partners
                practice: share
                recipient: third_party.business_partner
                effect: allow
                cite: {section: F, quote: "Clause four."}
              - id: kids-delete
                practice: right.delete
                subject: child.under_13
                effect: allow
                cite: {section: F, quote: "Clause five."}
              - id: financial-service
                practice: use
                data: user.financial
                purpose: essential.service
                effect: allow
                cite: {section: F, quote: "Clause six."}
              - id: protect-chain-a
                practice: protect
                effect: allow
                overrides: [protect-chain-b]
                cite: {section: E, quote: "Clause one."}
              - id: protect-chain-b
                practice: protect
                effect: deny
                overrides: [protect-chain-c]
                cite: {section: E, quote: "Clause two."}
              - id: protect-chain-c
                practice: protect
                data: user.contact
                effect: allow
                cite: {section: E, quote: "Clause three."}
            """;
    static PolicyBuild build;
    static QueryNormalizer normalizer;
    static DecisionExplainer explainer;
    static ReferenceEvaluator reference;

    @BeforeAll
    static void build() {
        PolicyBuilder b = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow();
        build = b.build("semantics", "semantics/policy.yaml", POLICY, DOC);
        assertTrue(build.ok(), build.diagnostics().toString());
        normalizer = new QueryNormalizer(b.vocabulary());
        explainer = new DecisionExplainer(b.vocabulary());
        reference = new ReferenceEvaluator(build.policy().orElseThrow().policy(), b.vocabulary().regions(),
                b.vocabulary().tree(Dimension.PRACTICE).distinct());
    }

    static Query query(String practice, String data, String recipient, String purpose, String subject,
                       String consent, Boolean optedOut, String identifiability, Integer age, Boolean legal) {
        return new Query("semantics", practice, data, recipient, purpose, subject, null, null,
                new Query.Context(consent, optedOut, identifiability, age, legal, null));
    }

    static Decision decide(String practice, String data, String recipient, String purpose, String subject,
                           String consent, Boolean optedOut, String identifiability, Integer age, Boolean legal) {
        Query q = query(practice, data, recipient, purpose, subject, consent, optedOut, identifiability, age, legal);
        return build.policy().orElseThrow().answer(normalizer.normalize(q).query(), explainer, Explain.FULL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            general allow                          | collect | -                  | -                       | -                                  | -              | -       | -     | -          | -  | -     | ALLOW                 | collect-any
            child deny is more specific            | collect | -                  | -                       | -                                  | child.under_13 | -       | -     | -          | -  | -     | DENY                  | no-kids
            age 12 settles the child subject       | collect | user.contact.email | -                       | -                                  | -              | -       | -     | -          | 12 | -     | DENY                  | no-kids
            age 15 is outside the under-13 band    | collect | -                  | -                       | -                                  | -              | -       | -     | -          | 15 | -     | ALLOW                 | collect-any
            sale is denied                         | share.sell | -               | third_party             | -                                  | -              | -       | -     | -          | -  | -     | DENY                  | no-sale
            opt-in open without consent            | share   | user.device.cookie_id | third_party.advertising | -                               | -              | -       | -     | -          | -  | -     | ALLOW_WITH_CONDITIONS | share-advertisers-consent
            opt-in satisfied by consent            | share   | -                  | third_party.advertising | -                                  | -              | granted | -     | -          | -  | -     | ALLOW                 | share-advertisers-consent
            opt-in defeated by refused consent     | share   | -                  | third_party.advertising | -                                  | -              | denied  | -     | -          | -  | -     | DENY                  | share-advertisers-consent
            opt-out open                           | use     | user.contact.email | -                       | marketing.communications           | -              | -       | -     | -          | -  | -     | ALLOW_WITH_CONDITIONS | marketing-email
            opt-out honoured                       | use     | user.contact.email | -                       | marketing.communications           | -              | -       | true  | -          | -  | -     | DENY                  | marketing-email
            not opted out                          | use     | user.contact.email | -                       | marketing.communications           | -              | -       | false | -          | -  | -     | ALLOW                 | marketing-email
            more specific deny wins over allow     | use     | user.contact.email | -                       | marketing.advertising              | -              | -       | -     | -          | -  | -     | DENY                  | no-use-email-ads
            explicit override beats specificity    | use     | user.contact.email | -                       | marketing.advertising.first_party  | -              | -       | -     | aggregated | -  | -     | ALLOW                 | ads-email-exception
            out-of-scope exception lifts nothing   | use     | user.contact.email | -                       | marketing.advertising.first_party  | -              | -       | -     | -          | -  | -     | DENY                  | no-use-email-ads
            aggregated-data clause is silent on identified data | use | user.financial | -                | marketing.advertising.first_party  | -              | -       | -     | -          | -  | -     | NOT_ADDRESSED         | -
            aggregated-data clause answers for aggregated data  | use | user.financial | -                | marketing.advertising.first_party  | -              | -       | -     | aggregated | -  | -     | ALLOW                 | ads-email-exception
            narrower deny alone does not deny      | third_party_collect | -      | -                       | -                                  | -              | -       | -     | -          | -  | -     | NOT_ADDRESSED         | -
            narrower deny still decides its subject | third_party_collect | -     | -                       | -                                  | child.under_13 | -       | -     | -          | -  | -     | DENY                  | no-kids-track
            permission to share is not to sell     | share.cross_context_advertising | - | third_party.business_partner | -                    | -              | -       | -     | -          | -  | -     | NOT_ADDRESSED         | -
            permission to share covers sharing     | share   | -                  | third_party.business_partner | -                             | -              | -       | -     | -          | -  | -     | ALLOW                 | share-partners
            a right stated for children only       | right.delete | -             | -                       | -                                  | -              | -       | -     | -          | -  | -     | NOT_ADDRESSED         | -
            a use stated for one purpose only      | use     | user.financial     | -                       | -                                  | -              | -       | -     | -          | -  | -     | ALLOW_WITH_CONDITIONS | financial-service
            alternatives stay open                 | transfer.international | - | -                       | -                                  | -              | denied  | -     | -          | -  | -     | ALLOW_WITH_CONDITIONS | transfer-us
            equal specificity conflict denies      | share   | -                  | third_party.legal       | -                                  | -              | -       | -     | -          | -  | true  | DENY                  | legal-equal
            overrides do not chain                 | protect | user.contact       | -                       | -                                  | -              | -       | -     | -          | -  | -     | ALLOW                 | protect-chain-a
            silent policy                          | retain  | -                  | -                       | -                                  | -              | -       | -     | -          | -  | -     | NOT_ADDRESSED         | -
            narrower statements disagree           | share   | -                  | -                       | -                                  | -              | -       | -     | -          | -  | -     | DEPENDS               | -
            narrower statements agree              | use     | user.contact       | -                       | marketing.communications           | -              | -       | -     | -          | -  | -     | ALLOW_WITH_CONDITIONS | marketing-email
            """)
    void outcomes(String name, String practice, String data, String recipient, String purpose, String subject,
                  String consent, Boolean optedOut, String identifiability, Integer age, Boolean legal, String outcome, String reason) {
        Decision d = decide(practice, data, recipient, purpose, subject, consent, optedOut, identifiability, age, legal);
        assertEquals(outcome, d.outcome(), () -> name + ": " + d.reason() + " " + d.trail());
        if (reason != null) {
            assertTrue(d.reason().contains(reason), () -> name + ": reason " + d.reason());
        }
        ReferenceDecision ref = reference.decide(normalizer.normalize(query(practice, data, recipient, purpose, subject, consent, optedOut,
                identifiability, age, legal)).query());
        assertEquals(outcome, ref.outcome().name(), () -> name + ": the reference evaluator answers " + ref);
        assertEquals(d.reason(), ref.reasons(), () -> name + ": the reference evaluator's reasons");
    }

    @Test
    void alternativesAreMarkedAsAlternativesAndADefeatedOneIsNotOffered() {
        Query q = new Query("semantics", "transfer.international", null, null, null, null, "FR", "US", Query.Context.NONE);
        Decision open = build.policy().orElseThrow().answer(normalizer.normalize(q).query(), explainer, Explain.FULL);
        assertEquals("ALLOW_WITH_CONDITIONS", open.outcome());
        assertEquals(List.of(new ConditionView("legal_basis.consent", null, "transfer-us", open.conditions().get(0).text(), 1),
                new ConditionView("transfer_mechanism.standard_contractual_clauses", null, "transfer-us", open.conditions().get(1).text(), 1)),
                open.conditions());
        Query refused = new Query("semantics", "transfer.international", null, null, null, null, "FR", "US",
                new Query.Context("denied", null, null, null, null, null));
        Decision scc = build.policy().orElseThrow().answer(normalizer.normalize(refused).query(), explainer, Explain.FULL);
        assertEquals("ALLOW_WITH_CONDITIONS", scc.outcome());
        assertEquals(List.of("transfer_mechanism.standard_contractual_clauses"), scc.conditions().stream().map(ConditionView::key).toList());
        assertEquals(null, scc.conditions().get(0).anyOf());
        Query granted = new Query("semantics", "transfer.international", null, null, null, null, "FR", "US",
                new Query.Context("granted", null, null, null, null, null));
        assertEquals("ALLOW", build.policy().orElseThrow().answer(normalizer.normalize(granted).query(), explainer, Explain.FULL).outcome());
    }

    @Test
    void aNarrowerDenyIsReportedAsARefinementOfTheSilentAnswer() {
        Decision d = decide("third_party_collect", null, null, null, null, null, null, null, null, null);
        assertEquals("NOT_ADDRESSED", d.outcome());
        assertEquals(List.of("except subject child.under_13: DENY"), d.refinements().stream().map(Refinement::text).toList());
    }

    @Test
    void aScopeQualifierRefinesByIdentifiability() {
        Decision d = decide("use", "user.financial", null, "marketing.advertising.first_party", null, null, null, null, null, null);
        assertEquals(List.of("except identifiability aggregated: ALLOW"), d.refinements().stream().map(Refinement::text).toList());
    }

    @Test
    void aDenyByADefeatedAllowSaysWhichConditionTheContextDefeats() {
        Decision d = decide("share", null, "third_party.advertising", null, null, "denied", null, null, null, null);
        assertEquals("DENY", d.outcome());
        String decided = d.trail().get(d.trail().size() - 1).detail();
        assertTrue(decided.endsWith("the context defeats share-advertisers-consent's condition choice.opt_in"), decided);
    }

    @Test
    void aConflictIsExplainedInTheTrail() {
        Decision d = decide("share", null, "third_party.legal", null, null, null, null, null, null, true);
        assertEquals(List.of("legal", "legal-equal"), d.reason());
        assertTrue(d.trail().stream().anyMatch(s -> s.kind().equals("conflict") && s.rule().equals("conflict: allow and deny both decide")));
    }

    @Test
    void openConditionsAreReturnedWithTheirStatement() {
        Decision d = decide("share", null, "third_party.advertising", null, null, null, null, null, null, null);
        assertEquals(List.of(ConditionView.required("choice.opt_in", null, "share-advertisers-consent", "Only with prior consent")), d.conditions());
    }

    @Test
    void aBroadQueryListsTheNarrowerStatementsAsRefinements() {
        Decision d = decide("share", null, null, null, null, null, null, null, null, null);
        List<String> ids = d.refinements().stream().map(Refinement::statement).toList();
        assertTrue(ids.containsAll(List.of("no-sale", "share-providers", "share-advertisers-consent")), ids.toString());
        Refinement sale = d.refinements().stream().filter(r -> r.statement().equals("no-sale")).findFirst().orElseThrow();
        assertEquals("except practice share.sell: DENY", sale.text());
        assertEquals("Clause five.", sale.cite().quote());
    }

    @Test
    void aGeneralAnswerNamesTheExceptionThatDiffers() {
        Decision d = decide("collect", null, null, null, null, null, null, null, null, null);
        assertEquals("ALLOW", d.outcome());
        assertEquals(List.of("no-kids"), d.refinements().stream().map(Refinement::statement).toList());
        assertEquals("except subject child.under_13: DENY", d.refinements().get(0).text());
    }

    @Test
    void everyTrailStepNamesItsRuleAndMatchStepsCiteTheClause() {
        Decision d = decide("share.sell", "user.contact.email", "third_party.unnamed", null, null, null, null, null, null, null);
        assertEquals("normalize", d.trail().get(0).kind());
        var match = d.trail().stream().filter(s -> s.kind().equals("match")).findFirst().orElseThrow();
        assertEquals("statement no-sale", match.rule());
        assertEquals("Clause five.", match.cite().quote());
        var decide = d.trail().get(d.trail().size() - 1);
        assertEquals("decide", decide.kind());
        assertEquals("decide: deny", decide.rule());
    }

    @Test
    void rejectedQueriesNameTheField() {
        Answer a = SharedBuilds.bundled().decide(new Query("mixpanel", "share", "user.contact.emial", "advertisers", null, null, "Frnce", null, null), Explain.FULL);
        Answer.Rejected rejected = (Answer.Rejected) a;
        assertEquals(List.of("data", "region"), rejected.errors().stream().map(e -> e.field()).toList());
        assertEquals("did you mean `user.contact.email`?", rejected.errors().get(0).help());
    }
}
