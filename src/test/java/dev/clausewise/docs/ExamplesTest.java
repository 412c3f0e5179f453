package dev.clausewise.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clausewise.cli.Main;
import dev.clausewise.testing.SharedBuilds;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example of README.md and docs/*.md, in document order, and compares what it prints with what the page
 * shows: `$ curl ...` against an in-process service on a random port (serving a copy of policies-yaml, as the README
 * says), `$ bin/clausewise ...` in process, `$ cat`, `cp`, `sleep`. JSON is compared as JSON; decision ids, times,
 * versions and digests only by their shape (an id seen earlier stands for the id the service gave then); `...`
 * in the page stands for what was left out. Files the page names under /tmp/ live in a temp folder.
 */
class ExamplesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ELIDED = "\u2026elided";
    /** Values that differ on every run or with every edit of a policy: compared by shape. */
    static final List<Pattern> VOLATILE = List.of(
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("sha256:[0-9a-f]{64}"),
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}|undated)\\+[0-9a-f]{12}"),
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"));

    @TempDir
    static Path tmp;
    static EmbeddedServer server;
    /** Ids the page shows mapped to the ids this run got, so that a later example can use an earlier one's id. */
    static final Map<String, String> ids = new HashMap<>();

    /** The files the page's prose describes. */
    @BeforeAll
    static void fixtures() throws IOException {
        Path pol = tmp.resolve("readme-pol");
        copyTree(Path.of("policies-yaml"), pol);
        String mixpanel = Files.readString(Path.of("policies-yaml/mixpanel/policy.yaml"));
        String bad = mixpanel.replace("user.contact.email", "user.contact.emial");
        Files.writeString(tmp.resolve("mp.yaml"), mixpanel);
        Files.writeString(tmp.resolve("mp-bad.yaml"), bad);
        Files.writeString(tmp.resolve("mp-new.yaml"), mixpanel + "# reviewed\n");
        Files.writeString(tmp.resolve("sc.yaml"), "policy: mixpanel\nscenarios:\n  - name: never sold\n    query: {practice: share.sell}\n"
                + "    expect: {outcome: DENY}\n  - name: wrong on purpose\n    query: {practice: share.sell}\n    expect: {outcome: ALLOW}\n");
        copyTree(Path.of("policies-yaml/mixpanel"), tmp.resolve("bad/mixpanel"));
        Files.writeString(tmp.resolve("bad/mixpanel/policy.yaml"), bad);
        Files.createDirectories(tmp.resolve("lintfix"));
        Files.copy(Path.of("src/test/resources/fixtures/lint/conflict.yaml"), tmp.resolve("lintfix/policy.yaml"));
        Files.copy(Path.of("src/test/resources/fixtures/lint/source.txt"), tmp.resolve("lintfix/source.txt"));
        copyTree(Path.of("policies-yaml/workato"), tmp.resolve("workato-before"));
        Path before = tmp.resolve("workato-before/policy.yaml");
        String workato = Files.readString(before);
        String overrides = "    overrides: [use-provide-service, use-security-analytics, marketing-materials, combine-profile-personalize]\n";
        assertTrue(workato.contains(overrides), "financial-use-limited's overrides, which the diff example removes");
        Files.writeString(before, workato.replace(overrides, ""));
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1, "clausewise.policies", pol.toString(),
                "clausewise.authoring.token", "s3cret", "clausewise.decision-log.dir", tmp.resolve("decision-log").toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** One command as the page shows it, and the output shown under it. */
    record Example(String page, int line, String command, List<String> expected) {
    }

    @Test
    void everyExampleInTheDocsPrintsWhatThePageShows() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (Path page : pages) {
            for (Example e : examples(page)) {
                run++;
                List<String> cat = words(e.command());
                if (cat.size() == 2 && cat.get(0).equals("cat") && !Files.exists(file(cat.get(1)))) {
                    // A file the page shows with `cat` is what the page shows.
                    Files.writeString(file(cat.get(1)), String.join("\n", e.expected()) + "\n");
                }
                String actual = execute(e.command());
                String problem = compare(e.expected(), lines(actual));
                if (problem != null) {
                    failures.add(e.page() + ":" + e.line() + ": $ " + e.command() + "\n  " + problem + "\n  actual output:\n" + actual.indent(4));
                }
            }
        }
        assertTrue(run >= 15, "the README's examples were found: " + run);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + run + " examples print something else:\n\n" + String.join("\n", failures));
        }
    }

    /**
     * The examples of a page: in an indented block, each `$ ` line (with its `\` continuations) and the lines under it;
     * an indented block that is a bare `curl` command takes its output from the ```json block that follows.
     */
    static List<Example> examples(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("    ") || i > 0 && lines.get(i - 1).startsWith("    ")) {
                continue;
            }
            // A block may sit in a list item, indented further: its lines lose the first line's indentation.
            String indent = " ".repeat(lines.get(i).length() - lines.get(i).stripLeading().length());
            int end = i;
            while (end < lines.size() && lines.get(end).startsWith(indent)) {
                end++;
            }
            List<String> block = lines.subList(i, end).stream().map(l -> l.substring(indent.length())).toList();
            if (block.get(0).startsWith("$ ")) {
                for (int j = 0; j < block.size(); ) {
                    StringBuilder command = new StringBuilder(block.get(j).substring(2));
                    int start = j;
                    while (command.toString().endsWith("\\")) {
                        command.setLength(command.length() - 1);
                        command.append(' ').append(block.get(++j).trim());
                    }
                    j++;
                    List<String> expected = new ArrayList<>();
                    while (j < block.size() && !block.get(j).startsWith("$ ")) {
                        expected.add(block.get(j++));
                    }
                    out.add(new Example(page.toString(), i + start + 1, command.toString(), expected));
                }
            } else if (block.get(0).startsWith("curl ")) {
                String command = String.join(" ", block.stream().map(l -> l.endsWith("\\") ? l.substring(0, l.length() - 1).trim() : l.trim()).toList());
                int fence = end;
                while (fence < lines.size() && lines.get(fence).isBlank()) {
                    fence++;
                }
                assertTrue(fence < lines.size() && lines.get(fence).equals("```json"), page + ":" + (i + 1) + ": a curl example is followed by its ```json answer");
                int close = lines.subList(fence + 1, lines.size()).indexOf("```") + fence + 1;
                out.add(new Example(page.toString(), i + 1, command, lines.subList(fence + 1, close)));
            }
        }
        return out;
    }

    /** Runs a command line: commands separated by `;`, each maybe piped into `grep [-v]`. */
    String execute(String commandLine) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String command : split(commandLine, ";")) {
            List<String> piped = split(command, "|");
            List<String> words = words(piped.get(0));
            String output = run(words);
            for (String filter : piped.subList(1, piped.size())) {
                List<String> f = words(filter);
                boolean invert = f.size() == 3 && f.get(1).equals("-v");
                assertTrue(f.get(0).equals("grep") && f.size() == (invert ? 3 : 2), "only `| grep [-v] RE` is understood: " + filter);
                Pattern p = Pattern.compile(f.get(f.size() - 1));
                output = String.join("", output.lines().filter(l -> p.matcher(l).find() != invert).map(l -> l + "\n").toList());
            }
            out.append(output);
        }
        return out.toString().replace(tmp.toString(), "/tmp");
    }

    private String run(List<String> w) throws Exception {
        switch (w.get(0)) {
            case "curl":
                return curl(w);
            case "bin/clausewise":
                return clausewise(w.subList(1, w.size()));
            case "cat":
                return Files.readString(file(w.get(1)));
            case "cp":
                Files.copy(file(w.get(1)), file(w.get(2)), StandardCopyOption.REPLACE_EXISTING);
                return "";
            case "sleep":
                Thread.sleep(Long.parseLong(w.get(1)) * 1000);
                return "";
            default:
                throw new AssertionError("no way to run `" + w.get(0) + "` of an example");
        }
    }

    /** A file the page names: under /tmp/ or a bare name, both in the temp folder. */
    private static Path file(String name) {
        return name.startsWith("/tmp/") ? tmp.resolve(name.substring(5)) : tmp.resolve(name);
    }

    private String clausewise(List<String> args) {
        List<String> mapped = args.stream().map(a -> a.startsWith("/tmp/") || Files.exists(tmp.resolve(a)) && !a.contains("/") && !Files.isDirectory(Path.of("policies-yaml", a))
                ? file(a).toString() : a).toList();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            Main.commandLine(SharedBuilds.BUILDERS).execute(mapped.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        // The page shows a terminal: standard output, then what went to standard error.
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private String curl(List<String> w) throws Exception {
        String method = null;
        String url = null;
        String body = null;
        String format = null;
        boolean discard = false;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < w.size(); i++) {
            switch (w.get(i)) {
                case "-s" -> { }
                case "-X" -> method = w.get(++i);
                case "-H" -> {
                    String h = w.get(++i);
                    headers.put(h.substring(0, h.indexOf(':')).trim(), h.substring(h.indexOf(':') + 1).trim());
                }
                case "-d" -> body = w.get(++i);
                case "--data-binary" -> body = Files.readString(file(w.get(++i).substring(1)));
                case "-o" -> discard = w.get(++i).equals("/dev/null");
                case "-w" -> format = w.get(++i);
                default -> url = w.get(i);
            }
        }
        assertTrue(url != null && url.startsWith("localhost:8080/"), "a curl example asks localhost:8080: " + url);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            url = url.replace(id.getKey(), id.getValue());
        }
        String m = method != null ? method : body != null ? "POST" : "GET";
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + url.substring("localhost:8080".length())))
                .timeout(Duration.ofSeconds(120)).method(m, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("content-type")) {
            r.header("content-type", "application/x-www-form-urlencoded");
        }
        headers.forEach(r::header);
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        // The decision log is written after the answer: an id just given may take a moment to read back.
        for (int tries = 0; response.statusCode() == 404 && url.contains("/v1/decisions/") && tries < 50; tries++) {
            Thread.sleep(200);
            response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        }
        String out = discard ? "" : response.body();
        if (format != null) {
            out += format.replace("%{http_code}", Integer.toString(response.statusCode())).replace("\\n", "\n");
        } else if (!out.endsWith("\n")) {
            out += "\n";
        }
        return out;
    }

    /** Splits on {@code separator} outside quotes. */
    static List<String> split(String line, String separator) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (line.startsWith(separator, i)) {
                parts.add(line.substring(start, i).trim());
                start = i + separator.length();
            }
        }
        parts.add(line.substring(start).trim());
        return parts;
    }

    /** Shell words: single and double quotes, and a `#` comment to the end of the line. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else if (c == '#' && w == null) {
                break;
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    static List<String> lines(String output) {
        return output.lines().toList();
    }

    /** One unit of output: a JSON value (over one or more lines) or a line of text. */
    record Item(JsonNode json, String text) {
    }

    /** Cuts lines into JSON values and text lines; {@code shown} lines may elide with `...`. */
    static List<Item> items(List<String> lines, boolean shown) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            JsonNode json = null;
            if (l.startsWith("{") || l.startsWith("[")) {
                StringBuilder text = new StringBuilder();
                for (int j = i; j < lines.size() && json == null; j++) {
                    text.append(lines.get(j).trim()).append('\n');
                    json = parse(shown ? elisions(text.toString()) : text.toString());
                    if (json != null) {
                        i = j;
                    }
                }
            }
            items.add(json != null ? new Item(json, null) : new Item(null, lines.get(i)));
        }
        return items;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** `, ...]` and `, ...}` in a page's JSON: an array or object with more members than shown. */
    static String elisions(String json) {
        return json.replaceAll(",\\s*\\.\\.\\.\\s*]", ",\"" + ELIDED + "\"]").replaceAll(",\\s*\\.\\.\\.\\s*}", ",\"" + ELIDED + "\":0}");
    }

    /** Null when the output is what the page shows, else what differs. */
    static String compare(List<String> expectedLines, List<String> actualLines) {
        List<Item> expected = items(expectedLines, true);
        List<Item> actual = items(actualLines, false);
        int a = 0;
        for (int e = 0; e < expected.size(); e++) {
            Item x = expected.get(e);
            if (x.text() != null && x.text().trim().equals("...")) {
                // Lines left out: skip to the line the next shown one matches.
                if (e + 1 == expected.size()) {
                    return null;
                }
                Item next = expected.get(e + 1);
                while (a < actual.size() && match(next, actual.get(a)) != null) {
                    a++;
                }
                continue;
            }
            if (a >= actual.size()) {
                return "the output ends before what the page shows as: " + (x.text() != null ? x.text() : x.json());
            }
            String problem = match(x, actual.get(a++));
            if (problem != null) {
                return problem;
            }
        }
        return a == actual.size() ? null : "the output goes on after what the page shows: " + show(actual.get(a));
    }

    private static String show(Item i) {
        return i.text() != null ? i.text() : i.json().toString();
    }

    private static String match(Item expected, Item actual) {
        if (expected.json() != null) {
            return actual.json() == null ? "expected JSON " + expected.json() + ", got text: " + actual.text() : json("$", expected.json(), actual.json());
        }
        if (actual.text() == null) {
            return "expected the text `" + expected.text() + "`, got JSON " + actual.json();
        }
        return text(expected.text(), actual.text()) ? null : "expected `" + expected.text() + "`\n  got      `" + actual.text() + "`";
    }

    /** A text line: volatile values by shape, `...` for anything, trailing metric values for any number. */
    static boolean text(String expected, String actual) {
        String e = volatileShapes(expected.stripTrailing());
        String a = volatileShapes(actual.stripTrailing());
        String regex = String.join(".*", Stream.of(e.split("\\.\\.\\.", -1)).map(Pattern::quote).toList());
        return Pattern.compile(regex, Pattern.DOTALL).matcher(a).matches();
    }

    /** A Prometheus sample's value: counts depend on what the examples before it asked. */
    static final Pattern SAMPLE = Pattern.compile("^([a-z_]+(\\{[^}]*\\})?) [0-9.eE+-]+$");

    private static String volatileShapes(String s) {
        s = SAMPLE.matcher(s).replaceAll("$1 <value>");
        for (int i = 0; i < VOLATILE.size(); i++) {
            s = VOLATILE.get(i).matcher(s).replaceAll("<volatile" + i + ">");
        }
        return s;
    }

    private static String json(String at, JsonNode e, JsonNode a) {
        if (e.isObject()) {
            if (!a.isObject()) {
                return at + ": expected an object, got " + a;
            }
            boolean elided = e.has(ELIDED);
            for (Iterator<String> names = e.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (n.equals(ELIDED)) {
                    continue;
                }
                if (!a.has(n)) {
                    return at + "." + n + ": the page shows it, the output has no such field";
                }
                String p = json(at + "." + n, e.get(n), a.get(n));
                if (p != null) {
                    return p;
                }
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext() && !elided; ) {
                String n = names.next();
                if (!e.has(n)) {
                    return at + "." + n + ": the output has this field, the page does not show it";
                }
            }
            return null;
        }
        if (e.isArray()) {
            if (!a.isArray()) {
                return at + ": expected an array, got " + a;
            }
            boolean elided = e.size() > 0 && e.get(e.size() - 1).asText().equals(ELIDED);
            int shown = elided ? e.size() - 1 : e.size();
            if (elided ? a.size() < shown : a.size() != shown) {
                return at + ": " + a.size() + " elements, the page shows " + shown + (elided ? " and more" : "");
            }
            for (int i = 0; i < shown; i++) {
                String p = json(at + "[" + i + "]", e.get(i), a.get(i));
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (e.isTextual() && a.isTextual()) {
            for (Pattern v : VOLATILE) {
                if (v.matcher(e.asText()).matches()) {
                    if (!v.matcher(a.asText()).matches()) {
                        return at + ": expected a value like " + e.asText() + ", got " + a.asText();
                    }
                    ids.put(e.asText(), a.asText());
                    return null;
                }
            }
            return text(e.asText(), a.asText()) ? null : at + ": expected " + e + ", got " + a;
        }
        return e.equals(a) ? null : at + ": expected " + e + ", got " + a;
    }

    @Test
    void theComparisonSeesADifference() {
        assertEquals(null, compare(List.of("{\"a\":[1, ...], \"id\":\"6a5561a0-52e4-4c87-acea-041242179bc9\", ...}"),
                List.of("{\"a\":[1,2],\"id\":\"00000000-52e4-4c87-acea-041242179bc9\",\"b\":3}")));
        assertTrue(compare(List.of("{\"a\":[1]}"), List.of("{\"a\":[1,2]}")).contains("2 elements"));
        assertTrue(compare(List.of("{\"a\":1}"), List.of("{\"a\":1,\"b\":2}")).contains("$.b"));
        assertTrue(compare(List.of("DENY  (mixpanel 2019-12-25+fce8d5ced5c3)"), List.of("ALLOW  (mixpanel 2020-01-01+000000000000)")).contains("expected"));
        assertEquals(null, compare(List.of("a", "...", "c \"x ...\""), List.of("a", "b", "b2", "c \"x y z\"")));
        assertTrue(compare(List.of("a"), List.of("a", "b")).contains("goes on"));
        assertEquals(null, compare(List.of("clausewise_decisions_total{policy=\"mixpanel\"} 1"), List.of("clausewise_decisions_total{policy=\"mixpanel\"} 3.0")));
    }
}
