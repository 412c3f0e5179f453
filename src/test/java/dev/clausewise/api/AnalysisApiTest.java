package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clausewise.cli.Main;
import dev.clausewise.testing.SharedBuilds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lint, diff and compare over REST against the bundled policies. */
@MicronautTest
class AnalysisApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    JsonNode get(String uri) throws Exception {
        return JSON.readTree(client.toBlocking().retrieve(uri));
    }

    @Test
    void compareAsksOneQuestionOfEveryPolicy() throws Exception {
        JsonNode t = get("/v1/compare?practice=share&data=user.contact&recipient=third_party.advertising&region=FR");
        assertEquals(5, t.get("rows").size());
        JsonNode mixpanel = t.get("rows").get(1);
        assertEquals("mixpanel", mixpanel.get("policy").asText());
        JsonNode decided = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/v1/decisions",
                "{\"policy\":\"mixpanel\",\"practice\":\"share\",\"data\":\"user.contact\",\"recipient\":\"third_party.advertising\",\"region\":\"FR\",\"explain\":\"none\"}")
                .contentType(MediaType.APPLICATION_JSON)));
        assertEquals(decided.get("outcome").asText(), mixpanel.get("outcome").asText());
        assertEquals(decided.get("reason"), mixpanel.get("reasons"));
        assertFalse(mixpanel.get("cites").get(0).get("quote").asText().isEmpty());
    }

    /** One wire model: `clausewise compare --json` prints what GET /v1/compare answers, table and matrix alike. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            table  | practice=share&data=user.contact&region=FR            | compare --json --practice share --data user.contact --region FR
            matrix | policy=mixpanel&practice=share&rows=data&cols=recipient | compare --json --policy mixpanel --practice share --rows data --cols recipient
            """)
    void theCliPrintsWhatTheServiceAnswers(String name, String query, String command) throws Exception {
        JsonNode rest = get("/v1/compare?" + query);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Main.commandLine(SharedBuilds.BUILDERS).execute(command.split(" "));
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        assertEquals(rest, JSON.readTree(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void compareMatrixIsOnePolicyOverTwoDimensions() throws Exception {
        JsonNode m = get("/v1/compare?policy=mixpanel&practice=share&rows=data&cols=recipient");
        assertEquals("data", m.get("rows").asText());
        assertEquals(m.get("rowKeys").size(), m.get("cells").size());
        assertEquals(m.get("colKeys").size(), m.get("cells").get(0).size());
        assertTrue(m.get("colKeys").toString().contains("affiliate"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            misspelled practice  | /v1/compare?practice=shar                               | 400 | unknown_practice | practice
            unknown parameter    | /v1/compare?practice=share&recipent=advertisers         | 400 | unknown_field    | recipent
            bad rows             | /v1/compare?policy=mixpanel&practice=share&rows=dat&cols=recipient | 400 | invalid_value | rows
            matrix without policy| /v1/compare?practice=share&rows=data&cols=recipient     | 400 | missing_field    | policy
            unknown policy       | /v1/compare?policy=mixpanl&practice=share&rows=data&cols=recipient | 404 | unknown_policy | policy
            bad age              | /v1/compare?practice=share&age=old                      | 400 | wrong_type       | age
            """)
    void badComparisonsAreProblemsNamingTheField(String name, String uri, int status, String code, String field) throws Exception {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(uri));
        assertEquals(status, e.getStatus().getCode());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        JsonNode err = JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertEquals(code, err.get("code").asText(), err.toString());
        assertEquals(field, err.get("errors").get(0).get("field").asText(), err.toString());
    }

    @Test
    void diffOfServedPoliciesByIdOfAPolicyWithItselfIsEmpty() throws Exception {
        JsonNode r = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/v1/diff", "{\"a\":\"mixpanel\",\"b\":\"mixpanel\"}")
                .contentType(MediaType.APPLICATION_JSON)));
        assertEquals("mixpanel", r.get("a").get("id").asText());
        assertEquals(0, r.get("changes").size());
        assertEquals(0, r.get("totalChanges").asInt());
        assertFalse(r.get("truncated").asBoolean());
    }

    @Test
    void diffOfTwoUploadedYamlsShowsTheFlippedStatement() throws Exception {
        String yaml = Files.readString(Path.of("policies-yaml/mixpanel/policy.yaml"));
        String flipped = yaml.replace("    recipient: affiliate\n    effect: allow\n", "    recipient: affiliate\n    effect: deny\n");
        MultipartBody body = MultipartBody.builder().addPart("a", yaml).addPart("b", flipped).build();
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.POST("/v1/diff", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), String.class);
        JsonNode r = JSON.readTree(response.body());
        assertTrue(r.get("changes").size() > 0);
        for (JsonNode c : r.get("changes")) {
            assertTrue(c.get("before").get("reasons").toString().contains("share-affiliates")
                    || c.get("after").get("reasons").toString().contains("share-affiliates"), c.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown policy | {"a":"mixpanel","b":"pulumy"}  | 404 | unknown_policy | b
            missing b      | {"a":"mixpanel"}               | 400 | missing_field  | b
            unknown field  | {"a":"mixpanel","c":"pulumi"}  | 400 | unknown_field  | c
            """)
    void badDiffRequestsAreProblemsNamingTheField(String name, String body, int status, String code, String field) throws Exception {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().retrieve(HttpRequest.POST("/v1/diff", body).contentType(MediaType.APPLICATION_JSON)));
        assertEquals(status, e.getStatus().getCode());
        JsonNode err = JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertEquals(code, err.get("code").asText(), err.toString());
        assertEquals(field, err.get("errors").get(0).get("field").asText());
    }

    @Test
    void lintOfYamlReportsAConflictWithItsWitness() throws Exception {
        String yaml = "policy: mixpanel\nstatements:\n"
                + "  - id: pixel-no-link\n    practice: use.combine\n    data: user.behavior.browsing_history\n    effect: deny\n"
                + "    cite: {section: S, quote: \"We do not tie the information gathered by pixel tags to our users' personal information.\"}\n"
                + "  - id: combine\n    practice: use.combine\n    purpose: analytics\n    effect: allow\n"
                + "    cite: {section: S, quote: \"Link or combine it with additional information we get from third parties\"}\n";
        JsonNode r = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/v1/policies/lint", yaml).contentType("application/yaml")));
        assertEquals("mixpanel", r.get("policy").asText());
        JsonNode f = r.get("findings").get(0);
        assertEquals("lint_conflict", f.get("diagnostic").get("code").asText());
        assertEquals(3, f.get("diagnostic").get("location").get("line").asInt());
        assertEquals("use.combine", f.get("witness").get("question").get("practice").asText());
        assertEquals("DENY", f.get("witness").get("outcome").asText());
        assertEquals("decide: conflict denies", f.get("witness").get("rule").asText());
    }

    @Test
    void lintOfYamlThatDoesNotBuildReportsTheErrors() throws Exception {
        JsonNode r = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/v1/policies/lint",
                "policy: mixpanel\nstatements:\n  - id: a\n    practice: share\n    effect: allow\n").contentType("application/yaml")));
        assertEquals("missing_cite", r.get("findings").get(0).get("diagnostic").get("code").asText());
        assertEquals("share", r.get("findings").get(0).get("witness").get("question").get("practice").asText());
        assertTrue(r.get("findings").get(0).get("witness").get("outcome").isNull());
    }
}
