package dev.clausewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a command names policies, resolved from a working directory: one table, one resolver. */
class PolicyArgsTest {
    @TempDir
    static Path tmp;

    /**
     * proj/policies-yaml: the root (alpha with a scenario, beta); proj/sub: a folder below the project;
     * bad: a folder of policy folders without a vocabulary; other: a second root (gamma).
     */
    @BeforeAll
    static void tree() throws IOException {
        for (String f : List.of("proj/policies-yaml/vocabulary.yaml", "proj/policies-yaml/alpha/policy.yaml",
                "proj/policies-yaml/alpha/scenarios/s.yaml", "proj/policies-yaml/beta/policy.yaml", "proj/policies-yaml/notes/readme.txt",
                "bad/alpha/policy.yaml", "other/vocabulary.yaml", "other/gamma/policy.yaml", "proj/sub/x.txt")) {
            Files.createDirectories(tmp.resolve(f).getParent());
            Files.writeString(tmp.resolve(f), "");
        }
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // cwd, --policies, arguments -> root | policies (id@dir) | files, or the problem's code
                row("proj", null, "", "proj/policies-yaml | alpha@proj/policies-yaml/alpha beta@proj/policies-yaml/beta |"),
                row("proj", null, "alpha", "proj/policies-yaml | alpha@proj/policies-yaml/alpha! |"),
                row("proj", null, "policies-yaml", "proj/policies-yaml | alpha@proj/policies-yaml/alpha beta@proj/policies-yaml/beta |"),
                row("proj", null, "policies-yaml/", "proj/policies-yaml | alpha@proj/policies-yaml/alpha beta@proj/policies-yaml/beta |"),
                row("proj", null, "policies-yaml/alpha", "proj/policies-yaml | alpha@proj/policies-yaml/alpha |"),
                row("proj", null, "policies-yaml/beta/policy.yaml", "proj/policies-yaml | beta@proj/policies-yaml/beta |"),
                row("proj", null, "policies-yaml/alpha/scenarios/s.yaml", "proj/policies-yaml |  | proj/policies-yaml/alpha/scenarios/s.yaml"),
                row("proj", null, "alpha policies-yaml/alpha beta", "proj/policies-yaml | alpha@proj/policies-yaml/alpha! alpha@proj/policies-yaml/alpha beta@proj/policies-yaml/beta! |"),
                // below the project: the root is found above; paths are the caller's
                row("proj/sub", null, "beta", "proj/policies-yaml | beta@proj/policies-yaml/beta! |"),
                row("proj/sub", null, "../policies-yaml/alpha", "proj/policies-yaml | alpha@proj/policies-yaml/alpha |"),
                row("proj/sub", null, "../../bad", "proj/policies-yaml | alpha@bad/alpha |"),
                row("proj/sub", null, "../../bad/alpha/policy.yaml", "proj/policies-yaml | alpha@bad/alpha |"),
                // inside the root and inside a policy folder
                row("proj/policies-yaml", null, "alpha", "proj/policies-yaml | alpha@proj/policies-yaml/alpha |"),
                row("proj/policies-yaml/alpha", null, "", "proj/policies-yaml | alpha@proj/policies-yaml/alpha beta@proj/policies-yaml/beta |"),
                row("proj/policies-yaml/alpha", null, ".", "proj/policies-yaml | alpha@proj/policies-yaml/alpha |"),
                // another root named by an argument, or by --policies
                row("proj", null, "../other/gamma", "other | gamma@other/gamma |"),
                row("proj", null, "../other", "other | gamma@other/gamma |"),
                row("proj", "../other", "gamma", "other | gamma@other/gamma! |"),
                row("proj", "../other", "policies-yaml/alpha", "other | alpha@proj/policies-yaml/alpha |"),
                // problems
                row("proj", null, "alpah", "unknown_policy"),
                row("proj", null, "policies-yaml/notes", "unknown_policy"),
                row("proj", null, "policies-yaml/alpha ../other/gamma", "two_policy_roots"),
                row("proj", "../other", "policies-yaml", "two_policy_roots"),
                row("proj", "sub", "alpha", "missing_vocabulary"),
                row("bad", null, "alpha", "missing_vocabulary"));
    }

    static Arguments row(String cwd, String root, String args, String expected) {
        return Arguments.of(cwd, root, args, expected);
    }

    @ParameterizedTest(name = "in {0} --policies {1}: [{2}] -> {3}")
    @MethodSource("table")
    void resolves(String cwd, String root, String args, String expected) {
        List<String> given = args.isEmpty() ? List.of() : Arrays.asList(args.split(" "));
        PolicyArgs.Result r = PolicyArgs.resolve(tmp.resolve(cwd), root == null ? null : Path.of(root), given);
        assertEquals(expected, r.args().map(this::show).orElseGet(() -> r.problems().get(0).code()), r.problems().toString());
    }

    private String show(PolicyArgs a) {
        return rel(a.root()) + " | " + String.join(" ", a.policies().stream().map(t -> t.id() + "@" + rel(t.dir()) + (t.byId() ? "!" : "")).toList())
                + " |" + String.join("", a.files().stream().map(f -> " " + rel(f)).toList());
    }

    /** Paths outside the process's working directory are shown absolute: here, relative to the temp folder. */
    private String rel(Path p) {
        return tmp.relativize(p).toString();
    }
}
