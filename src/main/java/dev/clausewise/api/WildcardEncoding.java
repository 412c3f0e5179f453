package dev.clausewise.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Accept-Encoding: *} gets gzip. Micronaut answers a wildcard with the first codec it has (zstd, which
 * kafka-clients brings, or snappy), and most clients that send {@code *} (Node's fetch among them) cannot read
 * either. So a wildcard is read as gzip at the wildcard's weight; encodings the client names keep their weights.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class WildcardEncoding {
    @RequestFilter
    void gzipForWildcard(MutableHttpRequest<?> request) {
        List<String> accepted = request.getHeaders().getAll(HttpHeaders.ACCEPT_ENCODING);
        if (accepted.stream().anyMatch(v -> v.contains("*"))) {
            request.getHeaders().set(HttpHeaders.ACCEPT_ENCODING, rewrite(accepted));
        }
    }

    /** The listed encodings with {@code *} replaced by gzip (dropped when gzip is listed itself). */
    static String rewrite(List<String> headerValues) {
        List<String> parts = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        boolean gzipListed = parts.stream().anyMatch(p -> coding(p).equals("gzip"));
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!coding(p).equals("*")) {
                out.add(p);
            } else if (!gzipListed) {
                out.add("gzip" + p.substring(1));
            }
        }
        return String.join(", ", out);
    }

    private static String coding(String part) {
        int semi = part.indexOf(';');
        return (semi < 0 ? part : part.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
