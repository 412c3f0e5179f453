package dev.clausewise.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.policy.Effect;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.Vocabulary;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven matching (docs/semantics.md step 2): statement keys against one query value. */
class MatchingTest {
    static Vocabulary vocabulary;

    @BeforeAll
    static void load() {
        vocabulary = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow().vocabulary();
    }

    static NormalizedQuery query(String data, String subject, String region, Integer age) {
        QueryNormalizer.Result r = new QueryNormalizer(vocabulary).normalize(new Query("p", "share", data, null, null, subject, region, null,
                new Query.Context(null, null, null, age, null, null)));
        return r.query();
    }

    @ParameterizedTest(name = "data {1} vs query {0}: {2}")
    @CsvSource(textBlock = """
            user.contact.email, user,                     COVERS,   1
            user.contact.email, user.contact,             COVERS,   2
            user.contact.email, user.contact.email,       COVERS,   3
            user.contact,       user.contact.email,       NARROWER, 0
            user,               user.contact.email,       NARROWER, 0
            user.contact.email, user.device,              DISJOINT, 0
            user.contact.email, user.device|user.contact, COVERS,   2
            user.contact,       user.device|user.contact.email, NARROWER, 0
            """)
    void dataKeys(String queryData, String statementKeys, Relation relation, int depth) {
        KeyMatch m = query(queryData, null, null, null).relate(Dimension.DATA, statementKeys, Effect.ALLOW);
        assertEquals(relation, m.relation());
        assertEquals(depth, m.depth());
    }

    @ParameterizedTest(name = "regions {1} vs query {0}: {2}")
    @CsvSource(textBlock = """
            FR,    EU,     COVERS,   3
            FR,    EEA,    COVERS,   2
            FR,    EUROPE, COVERS,   1
            fr,    ANY,    COVERS,   0
            NO,    EEA,    COVERS,   2
            NO,    EU,     DISJOINT, 0
            GB,    EU,     DISJOINT, 0
            GB,    EUROPE, COVERS,   1
            US-CA, US,     COVERS,   1
            US,    US-CA,  NARROWER, 0
            ANY,   EU,     NARROWER, 0
            EU,    FR,     NARROWER, 0
            US,    EU,     DISJOINT, 0
            """)
    void regions(String queryRegion, String statementRegions, Relation relation, int depth) {
        KeyMatch m = query("user", null, queryRegion, null).relate(Dimension.REGION, statementRegions, Effect.ALLOW);
        assertEquals(relation, m.relation());
        assertEquals(depth, m.depth());
    }

    @ParameterizedTest(name = "subject {1} vs query subject {0}, age {2}: {3}")
    @CsvSource(nullValues = "-", textBlock = """
            -,              child.under_13, -,  NARROWER
            -,              child.under_13, 12, COVERS
            -,              child.under_13, 15, DISJOINT
            -,              child.under_16, 15, COVERS
            -,              child,          17, COVERS
            -,              child,          30, DISJOINT
            visitor,        child.under_13, 12, COVERS
            visitor,        child.under_13, -,  DISJOINT
            child.under_13, child,          -,  COVERS
            child,          child.under_13, -,  NARROWER
            visitor,        visitor,        -,  COVERS
            -,              visitor,        12, NARROWER
            child.under_13, child.under_13, 15, DISJOINT
            child.under_13, child,          40, DISJOINT
            child,          child.under_16, 14, COVERS
            """)
    void subjectsAndAge(String subject, String statementSubject, Integer age, Relation relation) {
        assertEquals(relation, query("user", subject, null, age).relate(Dimension.SUBJECT, statementSubject, Effect.ALLOW).relation());
    }

    /** A permission does not reach a distinct act below its key; a prohibition does ("we do not share" forbids a sale). */
    @ParameterizedTest(name = "{2} on {1} vs query practice {0}: {3}")
    @CsvSource(textBlock = """
            share.sell,                      share,      ALLOW, DISJOINT
            share.sell,                      share,      DENY,  COVERS
            share.sell,                      share.sell, ALLOW, COVERS
            share.cross_context_advertising, share,      ALLOW, DISJOINT
            share.make_public,               share,      ALLOW, COVERS
            share,                           share.sell, ALLOW, NARROWER
            share.sell,                      use,        DENY,  DISJOINT
            """)
    void distinctActs(String practice, String statementPractice, Effect effect, Relation relation) {
        NormalizedQuery q = new QueryNormalizer(vocabulary).normalize(new Query("p", practice, null, null, null, null, null, null, null)).query();
        assertEquals(relation, q.relate(Dimension.PRACTICE, statementPractice, effect).relation());
    }
}
