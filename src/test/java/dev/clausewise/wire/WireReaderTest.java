package dev.clausewise.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire reader: every field from its descriptor, every problem named by its field, all at once. */
class WireReaderTest {
    static Problem refused(String body) {
        return assertThrows(ProblemException.class, () -> WireReader.decision(WireReader.parse(body))).problem();
    }

    @Test
    void aFullRequestReadsIntoTheQuery() {
        DecisionRequest r = WireReader.decision(WireReader.parse("{\"policy\":\"mixpanel\",\"practice\":\"share\",\"data\":\"user\","
                + "\"region\":\"FR\",\"context\":{\"consent\":\"denied\",\"optedOut\":true,\"age\":12,\"doNotTrack\":false},\"explain\":\"summary\"}"));
        assertEquals(new Query("mixpanel", "share", "user", null, null, null, "FR", null,
                new Query.Context("denied", true, null, 12, null, false)), r.query());
        assertEquals(Explain.SUMMARY, r.explainLevel());
    }

    @Test
    void unknownFieldsAreRefusedByNameWithAHintAndEveryProblemAtOnce() {
        Problem p = refused("{\"policy\":\"mixpanel\",\"practise\":\"share\",\"context\":{\"optedOut\":\"yes\",\"agee\":3},\"explain\":\"ful\"}");
        assertEquals(400, p.status());
        assertEquals("unknown_field", p.code());
        assertEquals(List.of("practise", "context.agee", "context.optedOut", "explain"), p.errors().stream().map(e -> e.field()).toList());
        assertEquals("did you mean `practice`?", p.errors().get(0).help());
        assertEquals("did you mean `age`?", p.errors().get(1).help());
        assertEquals("`optedOut` must be true, false or null, found string", p.errors().get(2).message());
        assertEquals("did you mean `full`?", p.errors().get(3).help());
    }

    @Test
    void malformedAndEmptyBodiesAreProblemsOfTheBody() {
        assertEquals("malformed_json", assertThrows(ProblemException.class, () -> WireReader.parse("{\"policy\":")).problem().code());
        assertEquals("empty_body", assertThrows(ProblemException.class, () -> WireReader.parse(" ")).problem().code());
        assertEquals("expected_object", refused("[1]").code());
    }

    @Test
    void aBatchKeepsEachUnreadableItemsProblemUnderItsIndex() {
        BatchRequest b = WireReader.batch(WireReader.parse("{\"queries\":[{\"practice\":\"share\"},{\"practice\":7},{\"dta\":\"user\"}]}"));
        assertEquals(3, b.queries().size());
        assertEquals("share", b.queries().get(0).practice());
        assertNull(b.queries().get(1));
        assertEquals("queries[1].practice", b.unreadable().get(1).errors().get(0).field());
        assertEquals("queries[2].dta", b.unreadable().get(2).errors().get(0).field());
        assertEquals("unknown_field", assertThrows(ProblemException.class,
                () -> WireReader.batch(WireReader.parse("{\"queries\":[],\"extra\":1}"))).problem().code());
    }

    @Test
    void eachCodeHasItsOwnStatus() {
        assertEquals(404, Problem.of("policy", "unknown_policy", "no policy", null).status());
        assertEquals(400, Problem.of("data", "unknown_data_category", "unknown data", null).status());
        assertEquals(413, Problem.of("queries", "batch_too_large", "too many", null).status());
        assertEquals(422, Problem.of("a", "invalid_policy", "does not build", null).status());
        assertEquals("urn:clausewise:problem:unknown_policy", Problem.of("policy", "unknown_policy", "no policy", null).type());
    }

    @Test
    void aLineWithoutExplainTakesTheFallback() {
        assertEquals(Explain.NONE, WireReader.line("{\"practice\":\"share\"}", Explain.NONE).request().explainLevel());
        assertEquals(Explain.FULL, WireReader.line("{\"practice\":\"share\",\"explain\":\"full\"}", Explain.NONE).request().explainLevel());
        assertEquals("line", WireReader.line("{oops", Explain.NONE).errors().get(0).field());
    }
}
