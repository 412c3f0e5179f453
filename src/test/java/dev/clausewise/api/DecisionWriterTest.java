package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.Query;
import dev.clausewise.testing.SharedBuilds;
import dev.clausewise.wire.DecisionResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision writer's bytes are the JSON mapper's, for every explain level, on first answers and on memo hits. */
class DecisionWriterTest {
    private static final String[] PRACTICES = {"collect.direct", "share", "share.sell", "use", "retain", "transfer.international", "right.delete",
            "third_party_collect.track"};
    private static final String[] DATA = {"user", "user.contact.email", "user.device.cookie_id", "user.location"};
    private static final String[] REGIONS = {null, "FR", "US-CA"};
    private static final String[] CONSENT = {null, "granted", "denied"};

    @Test
    void writesWhatTheMapperWritesByteForByte() throws Exception {
        PolicyCatalog catalog = SharedBuilds.bundled();
        int compared = 0;
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("clausewise.decision-log.enabled", false))) {
            JsonMapper mapper = ctx.getBean(JsonMapper.class);
            DecisionWriter writer = new DecisionWriter(mapper);
            for (int round = 0; round < 2; round++) {
                for (String policy : catalog.policies().keySet()) {
                    for (String practice : PRACTICES) {
                        for (String data : DATA) {
                            for (String region : REGIONS) {
                                for (String consent : CONSENT) {
                                    for (Explain level : Explain.values()) {
                                        Query q = new Query(policy, practice, data, null, null, null, region, null,
                                                new Query.Context(consent, null, null, null, null, null));
                                        Answer a = catalog.decide(q, level);
                                        assertTrue(a instanceof Answer.Answered, q + ": " + a);
                                        DecisionResponse r = DecisionResponse.of(((Answer.Answered) a).decision());
                                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                                        writer.write(r, out);
                                        byte[] expected = mapper.writeValueAsBytes(Argument.of(DecisionResponse.class), r);
                                        assertArrayEquals(expected, out.toByteArray(), () -> q + " " + level + "\nexpected "
                                                + new String(expected, StandardCharsets.UTF_8) + "\nwritten  " + out.toString(StandardCharsets.UTF_8));
                                        compared++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 5_000, "compared " + compared);
    }
}
