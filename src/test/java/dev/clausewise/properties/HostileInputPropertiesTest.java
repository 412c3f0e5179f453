package dev.clausewise.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.wire.WireReader;
import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.QueryError;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.YamlReader;
import dev.clausewise.wire.QueryField;
import dev.clausewise.wire.QueryFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.Tuple;

/**
 * Random hostile input never escapes as an exception: policy YAML (random structure, wrong types, aliases, huge
 * scalars, deep nesting, invalid UTF-8) gives diagnostics; a decision request (random JSON in every field) gives
 * a decision or field errors, each naming its field. Beyond "no exception", each limit is held to its own answer:
 * an alias, a value or key over its limit, nesting over the depth limit put anywhere in a policy that builds are
 * refused with that limit's code at that line; a wrong type or an over-long value in any request field is an
 * error naming that field.
 */
class HostileInputPropertiesTest {
    static PolicyCatalog catalog;
    static Path scratch;

    @BeforeContainer
    static void catalog() throws IOException {
        Path root = Files.createTempDirectory("clausewise-properties");
        Files.copy(Path.of("policies-yaml/vocabulary.yaml"), root.resolve("vocabulary.yaml"));
        Files.createDirectories(root.resolve("tiny"));
        for (String f : List.of("policy.yaml", "source.txt")) {
            Files.copy(Path.of("src/test/resources/fixtures/tiny", f), root.resolve("tiny").resolve(f));
        }
        catalog = PolicyCatalog.open(root).catalog().orElseThrow();
        scratch = Files.createTempDirectory("clausewise-properties-files");
    }

    static List<String> tinyLines;
    /** Lines of the tiny policy holding one plain scalar (`key: value`, `- key: value`): where a hostile value can go. */
    static List<Integer> scalarLines;
    static final Pattern SCALAR_LINE = Pattern.compile("^(\\s*(?:- )?)([A-Za-z]+): ([^\\[{\\s].*)$");

    @BeforeContainer
    static void tinyLines() throws IOException {
        tinyLines = Files.readAllLines(Path.of("src/test/resources/fixtures/tiny/policy.yaml"));
        scalarLines = new ArrayList<>();
        for (int i = 0; i < tinyLines.size(); i++) {
            if (SCALAR_LINE.matcher(tinyLines.get(i)).matches()) {
                scalarLines.add(i);
            }
        }
    }

    /** The tiny policy with line {@code at}'s key and value rewritten. */
    static String rewrite(int at, java.util.function.BinaryOperator<String> line) {
        List<String> lines = new ArrayList<>(tinyLines);
        Matcher m = SCALAR_LINE.matcher(lines.get(at));
        assertTrue(m.matches());
        lines.set(at, m.group(1) + line.apply(m.group(2), m.group(3)));
        return String.join("\n", lines) + "\n";
    }

    static List<Diagnostic> refusal(String yaml) throws IOException {
        PolicyBuild b = catalog.check("tiny", yaml);
        assertFalse(b.ok(), "built:\n" + yaml);
        return b.diagnostics();
    }

    static void refusedAt(List<Diagnostic> diagnostics, String code, int line) {
        assertTrue(diagnostics.stream().anyMatch(d -> d.code().equals(code) && d.location().line() == line),
                "expected `" + code + "` at line " + line + ", got " + diagnostics.stream().map(d -> d.code() + "@" + d.location().line()).toList());
        // A refused value or key is never echoed whole: every message stays short.
        assertTrue(diagnostics.stream().allMatch(d -> d.message().length() < 1_000 && (d.help() == null || d.help().length() < 1_000)),
                "a message echoes the hostile text");
    }

    /** Anchor names (letters, digits, - and _) that are also valid values of some field: read as its name, an alias would build. */
    static final List<String> ANCHOR_NAMES = List.of("allow", "deny", "tiny", "EU", "US", "GB", "cookies", "no-sale", "collect-email", "a");

    @Provide
    Arbitrary<Tuple.Tuple3<Integer, Integer, String>> anchorAndAlias() {
        return Combinators.combine(Arbitraries.of(scalarLines), Arbitraries.of(scalarLines), Arbitraries.of(ANCHOR_NAMES))
                .filter((a, b, name) -> a < b).as(Tuple::of);
    }

    @Property(tries = 150)
    void anAliasAnywhereIsRefusedAtItsLineNeverReadAsItsName(@ForAll("anchorAndAlias") Tuple.Tuple3<Integer, Integer, String> t) throws IOException {
        List<String> lines = new ArrayList<>(List.of(rewrite(t.get1(), (k, v) -> k + ": &" + t.get3() + " " + v).split("\n")));
        Matcher m = SCALAR_LINE.matcher(lines.get(t.get2()));
        assertTrue(m.matches());
        lines.set(t.get2(), m.group(1) + m.group(2) + ": *" + t.get3());
        refusedAt(refusal(String.join("\n", lines) + "\n"), "yaml_alias", t.get2() + 1);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, String>> hugeValue() {
        return Combinators.combine(Arbitraries.of(scalarLines),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz .,;-").ofMinLength(YamlReader.MAX_SCALAR + 1).ofMaxLength(YamlReader.MAX_SCALAR + 5_000))
                .as(Tuple::of);
    }

    @Property(tries = 60)
    void aValueOverTheLimitAnywhereIsRefusedAtItsLine(@ForAll("hugeValue") Tuple.Tuple2<Integer, String> t) throws IOException {
        refusedAt(refusal(rewrite(t.get1(), (k, v) -> k + ": \"" + t.get2() + "\"")), "value_too_long", t.get1() + 1);
    }

    /** Longer than the limit, and up to YAML's own 1,024 characters for an implicit key (longer is a syntax error). */
    @Provide
    Arbitrary<Tuple.Tuple2<Integer, String>> longKey() {
        return Combinators.combine(Arbitraries.of(scalarLines),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz_").ofMinLength(YamlReader.MAX_KEY + 1).ofMaxLength(1_000)).as(Tuple::of);
    }

    @Property(tries = 60)
    void aKeyOverTheLimitAnywhereIsRefusedAtItsLine(@ForAll("longKey") Tuple.Tuple2<Integer, String> t) throws IOException {
        refusedAt(refusal(rewrite(t.get1(), (k, v) -> t.get2() + ": " + v)), "key_too_long", t.get1() + 1);
    }

    /** A flow value nested {@code depth} levels, each level a sequence or a mapping at random. */
    @Provide
    Arbitrary<Tuple.Tuple2<Integer, String>> deepValue() {
        Arbitrary<String> nested = Arbitraries.of(true, false).list().ofMinSize(YamlReader.MAX_DEPTH + 1).ofMaxSize(3 * YamlReader.MAX_DEPTH).map(levels -> {
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (boolean sequence : levels) {
                open.append(sequence ? "[" : "{k: ");
                close.insert(0, sequence ? "]" : "}");
            }
            return open + "allow" + close;
        });
        return Combinators.combine(Arbitraries.of(scalarLines), nested).as(Tuple::of);
    }

    @Property(tries = 100)
    void nestingOverTheLimitAnywhereIsRefusedAtItsLine(@ForAll("deepValue") Tuple.Tuple2<Integer, String> t) throws IOException {
        refusedAt(refusal(rewrite(t.get1(), (k, v) -> k + ": " + t.get2())), "too_deep", t.get1() + 1);
    }

    static final List<String> KEYS = List.of("policy", "title", "source", "statements", "id", "practice", "data", "recipient", "purpose",
            "subject", "regions", "destinations", "effect", "conditions", "retention", "overrides", "acknowledged", "cite", "quote",
            "section", "key", "duration", "code", "with", "why", "<<", "effct");

    /** YAML values nested at most {@code depth} levels. */
    static Arbitrary<String> yaml(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("allow", "deny", "share.sell", "user.contact", "EU", "tiny", "null", "~", "true", "NO", "1e9", "P30D", "\"\"",
                        "*a", "&a allow", "!!binary aGk=", "!!python/object:os.system ls", "[", "]", "{", "'", "\"unclosed", "- x", ": :", "\t"),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars('x').ofMinLength(19_990).ofMaxLength(20_010),
                Arbitraries.integers().between(1, 80).map(n -> "[".repeat(n) + "]".repeat(n)));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, yaml(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]"),
                Combinators.combine(Arbitraries.of(KEYS), yaml(depth - 1)).as((k, v) -> "{" + k + ": " + v + "}"));
    }

    @Provide
    Arbitrary<String> policyYaml() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(KEYS), yaml(3), Arbitraries.of("", "- "))
                .as((indent, k, v, dash) -> "  ".repeat(indent) + dash + k + ": " + v);
        return line.list().ofMaxSize(25).map(l -> "policy: tiny\n" + String.join("\n", l) + "\n");
    }

    @Property(tries = 400)
    void randomPolicyYamlGivesDiagnosticsNeverAnException(@ForAll("policyYaml") String yaml) throws IOException {
        PolicyBuild b = catalog.check("tiny", yaml);
        assertNotNull(b);
        if (!b.ok()) {
            assertTrue(b.diagnostics().stream().anyMatch(Diagnostic::isError), "a refused build says why");
        }
        assertTrue(b.diagnostics().stream().allMatch(d -> d.location() != null && d.code() != null));
    }

    @Property(tries = 200)
    void randomTextAsPolicyYamlGivesDiagnostics(@ForAll String text) throws IOException {
        PolicyBuild b = catalog.check("tiny", text);
        assertTrue(b.ok() || b.diagnostics().stream().anyMatch(Diagnostic::isError));
    }

    @Property(tries = 100)
    void randomBytesOnDiskIncludingInvalidUtf8GiveADiagnostic(@ForAll byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve("tiny"));
        Files.write(dir.resolve("policy.yaml"), bytes);
        PolicyBuild b = catalog.builder().build(dir);
        assertFalse(b.ok() && bytes.length == 0);
        assertTrue(b.ok() || b.diagnostics().stream().anyMatch(Diagnostic::isError));
    }

    static final List<String> FIELDS = List.of("policy", "practice", "data", "recipient", "purpose", "subject", "region", "destination",
            "context", "explain", "consent", "optedOut", "identifiability", "age", "legalProcess", "doNotTrack", "polcy", "");

    /** JSON values nested at most {@code depth} levels (an unbounded recursive generator overflows the stack). */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1e400", "2147483648", "\"share.sell\"", "\"tiny\"", "\"FR\"", "\"none\"",
                        "\"full\"", "\"granted\"", "\"\\u0000\"", "\"\\n\"", "[]", "{}"),
                Arbitraries.strings().ofMaxLength(30).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.strings().withChars('k').ofMinLength(190).ofMaxLength(5_000).map(s -> "\"" + s + "\""));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, json(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"), object(depth - 1));
    }

    static Arbitrary<String> object(int depth) {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(FIELDS), json(depth)).as((k, v) -> "\"" + k + "\":" + v);
        return member.list().ofMaxSize(8).map(l -> "{" + String.join(",", l) + "}");
    }

    @Provide
    Arbitrary<String> jsonObject() {
        return object(3);
    }

    @Property(tries = 1000)
    void randomDecisionRequestsGiveADecisionOrNamedFieldErrors(@ForAll("jsonObject") String body) {
        WireReader.Line line = WireReader.line(body, Explain.NONE);
        if (line.request() == null) {
            assertFalse(line.errors().isEmpty());
            assertTrue(line.errors().stream().allMatch(e -> e.field() != null && e.code() != null && e.message() != null), line.errors().toString());
            return;
        }
        Answer a = catalog.decide(line.request().query(), line.request().explainLevel());
        if (a instanceof Answer.Rejected r) {
            assertTrue(r.errors().stream().allMatch(e -> e.field() != null && e.code() != null), r.errors().toString());
        }
    }

    /** A request field: its path in the body and its type. */
    record Field(String path, QueryField field) {
    }

    static final List<Field> EVERY_FIELD = everyField();

    static List<Field> everyField() {
        List<Field> out = new ArrayList<>();
        out.add(new Field("policy", QueryFields.POLICY));
        QueryFields.QUESTION.forEach(f -> out.add(new Field(f.name(), f)));
        QueryFields.CONTEXT.forEach(f -> out.add(new Field("context." + f.name(), f)));
        return out;
    }

    /** Random JSON for a field: its own type (short or over-long text), another type, or null. */
    static Arbitrary<String> anyValue() {
        return Arbitraries.oneOf(json(2),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz._-").ofMinLength(WireReader.MAX_VALUE + 1).ofMaxLength(3_000)
                        .map(v -> "\"" + v + "\""),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("true", "false", "null", "1.5", "[\"share\"]"));
    }

    @Provide
    Arbitrary<Map<Field, String>> fieldValues() {
        return Arbitraries.maps(Arbitraries.of(EVERY_FIELD), anyValue()).ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 500)
    void aWrongTypeOrAnOverLongValueInAnyFieldIsAnErrorNamingThatField(@ForAll("fieldValues") Map<Field, String> values) throws IOException {
        Map<String, String> top = new LinkedHashMap<>(Map.of("policy", "\"tiny\"", "practice", "\"share.sell\""));
        Map<String, String> context = new LinkedHashMap<>();
        values.forEach((f, v) -> (f.path().startsWith("context.") ? context : top).put(f.field().name(), v));
        if (!context.isEmpty()) {
            top.put("context", members(context));
        }
        String body = members(top);
        WireReader.Line line = WireReader.line(body, Explain.NONE);
        List<QueryError> errors = line.request() == null ? line.errors() : List.of();
        Map<Field, com.fasterxml.jackson.databind.JsonNode> parsed = new LinkedHashMap<>();
        for (Map.Entry<Field, String> e : values.entrySet()) {
            try {
                parsed.put(e.getKey(), READER.readTree(e.getValue()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // A raw control character in a generated string: the body is not JSON, and says so.
                assertTrue(errors.stream().anyMatch(x -> x.code().equals("malformed_json")), "expected malformed_json, got " + errors);
                return;
            }
        }
        for (Map.Entry<Field, com.fasterxml.jackson.databind.JsonNode> e : parsed.entrySet()) {
            JsonNodeKind found = JsonNodeKind.of(e.getValue());
            String path = e.getKey().path();
            String expected = found == JsonNodeKind.NULL ? null
                    : !found.is(e.getKey().field().type()) ? "wrong_type"
                    : found == JsonNodeKind.TEXT && e.getValue().textValue().length() > WireReader.MAX_VALUE ? "value_too_long" : null;
            if (expected != null) {
                assertTrue(errors.stream().anyMatch(x -> x.field().equals(path) && x.code().equals(expected)),
                        "expected `" + expected + "` naming `" + path + "` for " + clipped(body) + ", got " + errors);
            }
        }
    }

    static final com.fasterxml.jackson.databind.ObjectMapper READER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The JSON type of a value as the request fields see it. */
    enum JsonNodeKind {
        NULL, TEXT, BOOLEAN, INTEGER, OTHER;

        static JsonNodeKind of(com.fasterxml.jackson.databind.JsonNode n) {
            return n.isNull() ? NULL : n.isTextual() ? TEXT : n.isBoolean() ? BOOLEAN : n.isInt() ? INTEGER : OTHER;
        }

        boolean is(QueryField.Type type) {
            return switch (type) {
                case TEXT -> this == TEXT;
                case BOOLEAN -> this == BOOLEAN;
                case INTEGER -> this == INTEGER;
            };
        }
    }

    static String members(Map<String, String> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add("\"" + k + "\":" + v));
        return "{" + String.join(",", out) + "}";
    }

    static String clipped(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    @Property(tries = 300)
    void randomTextAsADecisionRequestNeverThrows(@ForAll String body) {
        WireReader.Line line = WireReader.line(body, Explain.NONE);
        assertTrue(line.request() != null || !line.errors().isEmpty());
    }
}
