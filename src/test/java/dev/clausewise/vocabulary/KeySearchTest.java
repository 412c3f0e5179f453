package dev.clausewise.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Everyday words find the keys an author means, in the bundled vocabulary, best first. */
class KeySearchTest {
    static final Vocabulary V = SharedBuilds.BUILDERS.builder(SharedBuilds.BUNDLED, new Diagnostics()).orElseThrow().vocabulary();

    @ParameterizedTest(name = "{0} -> {1} {2} (within the first {3})")
    @CsvSource({
            // an alias, a plural, a key's last segment, a word of a description, a prefix, a region's name and alias
            "sell,              practice,  share.sell,                1",
            "cookies,           data,      user.device.cookie_id,     2",
            "email,             data,      user.contact.email,        1",
            "advertisers,       recipient, third_party.advertising,   1",
            "advert,            recipient, third_party.advertising,   3",
            "children,          subject,   child,                     1",
            "do not track,      practice,  honor_signal.do_not_track, 1",
            "service providers, recipient, service_provider,          1",
            "ip address,        data,      user.device.ip_address,    1",
            "france,            region,    FR,                        1",
            "uk,                region,    GB,                        1",
            "european union,    region,    EU,                        1"})
    void findsTheKey(String words, String dimension, String key, int within) {
        List<KeySearch.Hit> hits = KeySearch.search(V, KeySearch.SEARCHED, words);
        List<String> first = hits.stream().limit(within).map(h -> h.dimension().key() + " " + h.key()).toList();
        assertTrue(first.contains(dimension + " " + key), words + ": " + first);
    }

    @ParameterizedTest
    @CsvSource({"zzqx", "'  '", "'.,;'"})
    void nothingMatchesNothing(String words) {
        assertEquals(List.of(), KeySearch.search(V, KeySearch.SEARCHED, words));
    }

    @Test
    void theGeneralKeyRanksBeforeItsDescendants() {
        List<KeySearch.Hit> hits = KeySearch.search(V, List.of(Dimension.DATA), "contact");
        assertEquals("user.contact", hits.get(0).key(), hits.toString());
        assertTrue(hits.stream().skip(1).anyMatch(h -> h.key().startsWith("user.contact.")), hits.toString());
    }

    @Test
    void oneDimensionSearchesOnlyIt() {
        List<KeySearch.Hit> hits = KeySearch.search(V, List.of(Dimension.PURPOSE), "email");
        assertTrue(!hits.isEmpty() && hits.stream().allMatch(h -> h.dimension() == Dimension.PURPOSE), hits.toString());
    }
}
