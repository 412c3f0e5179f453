package dev.clausewise.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST API against the real server on the bundled policies. */
@MicronautTest
class DecisionApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    JsonNode post(String body) throws Exception {
        HttpResponse<String> r = client.toBlocking().exchange(HttpRequest.POST("/v1/decisions", body).contentType(MediaType.APPLICATION_JSON), String.class);
        assertEquals(200, r.getStatus().getCode());
        return JSON.readTree(r.body());
    }

    @Test
    void mixpanelNeverSellsAndTheTrailQuotesTheClause() throws Exception {
        JsonNode d = post("{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"data\":\"user.contact.email\",\"recipient\":\"third_party.unnamed\",\"region\":\"US\"}");
        assertEquals("DENY", d.get("outcome").asText());
        assertEquals("no-sale", d.get("reason").get(0).asText());
        assertTrue(d.get("policy").get("digest").asText().startsWith("sha256:"));
        boolean quoted = false;
        for (JsonNode step : d.get("trail")) {
            JsonNode cite = step.get("cite");
            quoted |= cite != null && !cite.isNull() && "Mixpanel does not sell the personal information or personal data we collect.".equals(cite.get("quote").asText());
        }
        assertTrue(quoted, d.toString());
    }

    @Test
    void aliasesAndContextAreAccepted() throws Exception {
        JsonNode d = post("{\"policy\":\"mixpanel\",\"practice\":\"share\",\"data\":\"user.device.cookie_id\",\"recipient\":\"advertisers\","
                + "\"region\":\"fr\",\"subject\":\"visitor\",\"context\":{\"consent\":\"unknown\",\"optedOut\":null},\"explain\":\"summary\"}");
        assertFalse(d.get("outcome").asText().isEmpty());
        assertEquals("normalize", d.get("trail").get(0).get("kind").asText());
    }

    @Test
    void explainNoneOmitsTheTrail() throws Exception {
        JsonNode d = post("{\"policy\":\"mixpanel\",\"practice\":\"share.sell\",\"explain\":\"none\"}");
        assertEquals(0, d.get("trail").size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown policy      | {"policy":"mixpanl","practice":"share"}                                   | 404 | unknown_policy        | policy           | did you mean `mixpanel`?
            unknown data key    | {"policy":"mixpanel","practice":"share","data":"user.contact.emial"}      | 400 | unknown_data_category | data             | did you mean `user.contact.email`?
            unknown practice    | {"policy":"mixpanel","practice":"shar.sell"}                              | 400 | unknown_practice      | practice         | did you mean `share.sell`?
            missing practice    | {"policy":"mixpanel"}                                                     | 400 | missing_field         | practice         |
            wrong type          | {"policy":"mixpanel","practice":"share","region":42}                      | 400 | wrong_type            | region           |
            wrong context type  | {"policy":"mixpanel","practice":"share","context":{"age":"twelve"}}       | 400 | wrong_type            | context.age      |
            bad consent         | {"policy":"mixpanel","practice":"share","context":{"consent":"yes"}}      | 400 | invalid_value         | context.consent  |
            unknown field       | {"policy":"mixpanel","practice":"share","recipent":"advertisers"}         | 400 | unknown_field         | recipent         | did you mean `recipient`?
            malformed JSON      | {"policy":"mixpanel",                                                     | 400 | malformed_json        | body             |
            not an object       | [1,2]                                                                     | 400 | expected_object       | body             |
            unknown region      | {"policy":"mixpanel","practice":"share","region":"Frnce"}                 | 400 | unknown_region        | region           |
            """)
    void badInputIsA4xxNamingTheField(String name, String body, int status, String code, String field, String help) throws Exception {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () ->
                client.toBlocking().exchange(HttpRequest.POST("/v1/decisions", body).contentType(MediaType.APPLICATION_JSON), String.class));
        assertEquals(status, e.getStatus().getCode());
        JsonNode err = JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertEquals(code, err.get("code").asText(), err.toString());
        assertEquals(field, err.get("errors").get(0).get("field").asText());
        if (help != null) {
            assertEquals(help, err.get("errors").get(0).get("help").asText());
        }
        assertFalse(err.toString().contains("Exception"), "no stack trace or exception name in " + err);
    }

    @Test
    void policiesAreListedWithVersionAndDigest() throws Exception {
        JsonNode list = JSON.readTree(client.toBlocking().retrieve("/v1/policies"));
        assertEquals(5, list.get("policies").size());
        JsonNode first = list.get("policies").get(0);
        assertTrue(first.get("version").get("digest").asText().startsWith("sha256:"));
    }

    @Test
    void onePolicyShowsNormalizedStatementsWithLocations() throws Exception {
        JsonNode p = JSON.readTree(client.toBlocking().retrieve("/v1/policies/mixpanel"));
        JsonNode noSale = null;
        for (JsonNode s : p.get("statements")) {
            if (s.get("id").asText().equals("no-sale")) {
                noSale = s;
            }
        }
        assertEquals("share.sell", noSale.get("scope").get("practice").get(0).asText());
        assertTrue(noSale.get("location").asText().matches(".*policy\\.yaml:\\d+:\\d+"));
    }

    @Test
    void drlAndSourceAndHealthAndVocabularyAnswer() throws Exception {
        assertTrue(client.toBlocking().retrieve("/v1/policies/mixpanel/drl").contains("rule \"statement no-sale\""));
        assertTrue(client.toBlocking().retrieve("/v1/policies/mixpanel/source").contains("Mixpanel does not sell"));
        JsonNode health = JSON.readTree(client.toBlocking().retrieve("/health"));
        assertEquals("UP", health.get("status").asText());
        assertTrue(health.get("policies").has("pulumi"));
        JsonNode vocabulary = JSON.readTree(client.toBlocking().retrieve("/v1/vocabulary"));
        assertEquals("third_party.advertising", vocabulary.get("recipient").get("aliases").get("advertisers").get(0).asText());
    }
}
