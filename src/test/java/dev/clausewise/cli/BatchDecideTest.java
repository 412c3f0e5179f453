package dev.clausewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `decide --batch FILE|-`: one answer line per question line, in order; bad lines become error lines and exit 1. */
class BatchDecideTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SALE = "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\",\"recipient\":\"third_party.unnamed\",\"region\":\"US\"}";

    static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            nodes.add(MAPPER.readTree(line));
        }
        return nodes;
    }

    @Test
    void answersEveryLineInOrderAndReportsTheBadOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("questions.jsonl");
        Files.writeString(file, String.join("\n",
                SALE,
                "{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",",
                "{\"policy\":\"mixpanel\",\"practice\":\"collect\",\"dta\":\"user\"}",
                "{\"policy\":\"workato\",\"practice\":\"collect.direct\",\"data\":\"user.contact.email\",\"explain\":\"none\"}",
                "{\"policy\":\"mixpanel\",\"practice\":\"share\",\"data\":\"user.contact.emial\"}") + "\n");

        CliTest.Run r = CliTest.run("decide", "--batch", file.toString(), "--explain", "summary");

        assertEquals(1, r.code(), r.err());
        List<JsonNode> out = lines(r.out());
        assertEquals(5, out.size(), r.out());
        assertEquals("DENY", out.get(0).get("outcome").asText());
        assertFalse(out.get(0).get("trail").isEmpty(), "--explain summary applies to lines without explain");
        assertEquals(2, out.get(1).get("line").asInt());
        assertEquals("malformed_json", out.get(1).get("error").get("code").asText());
        assertEquals("line", out.get(1).get("error").get("errors").get(0).get("field").asText());
        assertEquals(3, out.get(2).get("line").asInt());
        assertEquals("dta", out.get(2).get("error").get("errors").get(0).get("field").asText());
        assertEquals("did you mean `data`?", out.get(2).get("error").get("errors").get(0).get("help").asText());
        assertEquals("ALLOW", out.get(3).get("outcome").asText());
        assertTrue(out.get(3).get("trail").isEmpty(), "a line's own explain wins");
        assertEquals(5, out.get(4).get("line").asInt());
        assertEquals("unknown_data_category", out.get(4).get("error").get("code").asText());
        assertEquals("data", out.get(4).get("error").get("errors").get(0).get("field").asText());
        assertTrue(r.err().contains("5 questions: 2 answered, 3 failed"), r.err());
    }

    @Test
    void readsStandardInputAndAnswersAsDecideDoes() throws IOException {
        String input = SALE + "\n" + "{\"practice\":\"share.sell\"}\n";
        InputStream old = System.in;
        CliTest.Run r;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            r = CliTest.run("decide", "--batch", "-", "--policy", "mixpanel", "--explain", "none");
        } finally {
            System.setIn(old);
        }
        assertEquals(0, r.code(), r.err());
        List<JsonNode> out = lines(r.out());
        assertEquals(2, out.size());
        JsonNode single = MAPPER.readTree(CliTest.run("decide", "--policy", "mixpanel", "--practice", "share.sell", "--data", "user.contact.email",
                "--recipient", "third_party.unnamed", "--region", "US", "--explain", "none", "--json").out());
        assertEquals(single.get("outcome"), out.get(0).get("outcome"));
        assertEquals(single.get("reason"), out.get(0).get("reason"));
        assertEquals("mixpanel", out.get(1).get("policy").get("id").asText(), "--policy names the policy of lines without one");
        assertEquals("DENY", out.get(1).get("outcome").asText());
    }

    @Test
    void aBatchKeepsItsAnswersForTheNextRunInTheCacheDir(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("questions.jsonl");
        Files.writeString(file, SALE + "\n");
        Path cache = dir.resolve("cache");
        CliTest.Run first = CliTest.run("decide", "--batch", file.toString(), "--cache-dir", cache.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.isRegularFile(cache.resolve("answers-mixpanel.rules")), "the decision table of mixpanel is written");
        CliTest.Run second = CliTest.run("decide", "--batch", file.toString(), "--cache-dir", cache.toString());
        assertEquals(0, second.code(), second.err());
        assertEquals(lines(first.out()).get(0).get("outcome"), lines(second.out()).get(0).get("outcome"));
    }

    @Test
    void batchUsageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, CliTest.run("decide", "--batch", dir.resolve("missing.jsonl").toString()).code());
        CliTest.Run mixed = CliTest.run("decide", "--batch", "-", "--practice", "collect");
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("--practice: invalid_option"), mixed.err());
        assertEquals(2, CliTest.run("decide", "--practice", "collect").code());
    }
}
