package dev.clausewise.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.catalog.Answer;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.explain.Decision;
import dev.clausewise.explain.Explain;
import dev.clausewise.scenario.Scenario;
import dev.clausewise.scenario.ScenarioFile;
import dev.clausewise.scenario.SuiteRun;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.testing.SharedBuilds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache of compiled rules: a hit decides like a fresh build; anything not exactly right is a miss. */
class RuleCacheTest {
    static final Path POLICIES = Path.of("policies-yaml");
    static final List<String> IDS = List.of("confluent", "mixpanel", "mulesoft", "pulumi", "workato");
    static PolicyCatalog fresh;
    static List<Scenario> scenarios = new ArrayList<>();
    /** A cache one open of the bundled policies wrote: the starting point of the tests that spoil an entry. */
    static Path primed;

    @TempDir
    static Path classTmp;

    @TempDir
    Path tmp;

    @BeforeAll
    static void freshBuild() {
        // The test JVM's shared builds are built without a cache, as fresh as a build here would be.
        fresh = checked(SharedBuilds.result(POLICIES));
        primed = classTmp.resolve("primed");
        open(POLICIES, RuleCache.at(primed));
        for (Path f : SuiteRun.discover(POLICIES)) {
            Diagnostics d = new Diagnostics();
            ScenarioFile sf = SuiteRun.load(f, d).orElseThrow(() -> new AssertionError(d.sorted()));
            scenarios.addAll(sf.scenarios());
        }
        assertTrue(scenarios.size() >= 200, "the five policies' scenarios: " + scenarios.size());
    }

    static PolicyCatalog open(Path root, RuleCache cache) {
        return checked(PolicyCatalog.open(root, cache));
    }

    static PolicyCatalog checked(PolicyCatalog.Result r) {
        assertFalse(r.hasErrors(), () -> String.join("\n", r.diagnostics().stream().map(Diagnostic::format).toList()));
        assertEquals(IDS, List.copyOf(r.catalog().orElseThrow().policies().keySet().stream().sorted().toList()));
        return r.catalog().orElseThrow();
    }

    /** Every scenario answered identically (decision id aside), full trail included. */
    static void sameDecisions(PolicyCatalog expected, PolicyCatalog actual) {
        sameDecisions(expected, actual, IDS);
    }

    static void sameDecisions(PolicyCatalog expected, PolicyCatalog actual, List<String> policies) {
        for (Scenario s : scenarios.stream().filter(s -> policies.contains(s.query().policy())).toList()) {
            assertEquals(withoutId(expected.decide(s.query(), Explain.FULL)), withoutId(actual.decide(s.query(), Explain.FULL)),
                    () -> s.location().toString());
        }
    }

    static Decision withoutId(Answer a) {
        Decision d = ((Answer.Answered) a).decision();
        return new Decision("", d.policy(), d.outcome(), d.conditions(), d.reason(), d.trail(), d.refinements(), d.retention(), d.errors());
    }

    /** {@code dir} as an open of the bundled policies leaves it (an owner-only directory of their entries), without building them again. */
    static Path primedCopy(Path dir) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (Stream<Path> files = Files.list(primed)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return dir;
    }

    static Path entry(Path dir, String policy) {
        return dir.resolve(RuleCache.fileName("policy-" + policy));
    }

    @Test
    void aCacheHitDecidesEveryScenarioLikeAFreshBuild() {
        Path dir = tmp.resolve("cache");
        RuleCache first = RuleCache.at(dir);
        open(POLICIES, first);
        assertEquals(0, first.stats().hits());
        for (String id : IDS) {
            assertTrue(Files.isRegularFile(entry(dir, id)), id);
        }
        RuleCache second = RuleCache.at(dir);
        PolicyCatalog cached = open(POLICIES, second);
        assertEquals(new RuleCache.Stats(5, 0, 0, 0), second.stats());
        sameDecisions(fresh, cached);
    }

    @Test
    void theEngineRulesAreCachedToo() {
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        EnginePackages.Compiled built = EnginePackages.load(cache);
        EnginePackages.Compiled loaded = EnginePackages.load(cache);
        assertEquals(new RuleCache.Stats(1, 1, 0, 1), cache.stats());
        assertArrayEquals(built.bytes().orElseThrow(), loaded.bytes().orElseThrow());
    }

    @Test
    void anotherKeyIsAMiss() {
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        cache.store("x", "key one", new byte[] {1, 2, 3});
        assertEquals(Optional.empty(), cache.load("x", "key two"));
        assertArrayEquals(new byte[] {1, 2, 3}, cache.load("x", "key one").orElseThrow());
        assertEquals(new RuleCache.Stats(1, 1, 0, 1), cache.stats());
    }

    @Test
    void anEditedPolicyMissesAndTheOthersHit() throws IOException {
        Path root = copyPolicies(tmp.resolve("policies"));
        Path dir = tmp.resolve("cache");
        open(root, RuleCache.at(dir));
        Path yaml = root.resolve("pulumi/policy.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "\n# edited\n");
        RuleCache again = RuleCache.at(dir);
        open(root, again);
        assertEquals(new RuleCache.Stats(4, 1, 0, 1), again.stats());
        RuleCache third = RuleCache.at(dir);
        open(root, third);
        assertEquals(new RuleCache.Stats(5, 0, 0, 0), third.stats());
    }

    @Test
    void aCorruptEntryIsRebuiltAndRewritten() throws IOException {
        Path dir = primedCopy(tmp.resolve("cache"));
        byte[] bytes = Files.readAllBytes(entry(dir, "mixpanel"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry(dir, "mixpanel"), bytes);
        RuleCache again = RuleCache.at(dir);
        PolicyCatalog rebuilt = open(POLICIES, again);
        assertEquals(new RuleCache.Stats(4, 0, 1, 1), again.stats());
        sameDecisions(fresh, rebuilt, List.of("mixpanel"));
        RuleCache third = RuleCache.at(dir);
        open(POLICIES, third);
        assertEquals(new RuleCache.Stats(5, 0, 0, 0), third.stats());
    }

    @Test
    void aPayloadThatDoesNotDeserializeIsRebuilt() throws IOException {
        Path dir = primedCopy(tmp.resolve("cache"));
        Path file = entry(dir, "workato");
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String key = text.substring(0, text.indexOf("\n\n")).split("\n")[1];
        byte[] garbage = new byte[4096];
        Arrays.fill(garbage, (byte) 7);
        RuleCache.at(dir).store("policy-workato", key.substring("key=".length()), garbage);
        RuleCache again = RuleCache.at(dir);
        PolicyCatalog rebuilt = open(POLICIES, again);
        assertEquals(new RuleCache.Stats(4, 0, 1, 1), again.stats());
        sameDecisions(fresh, rebuilt, List.of("workato"));
    }

    @Test
    void aLinkOutOfTheDirectoryIsIgnored() throws IOException {
        Path dir = tmp.resolve("cache");
        Path elsewhere = primedCopy(tmp.resolve("elsewhere"));
        RuleCache empty = RuleCache.at(dir);
        open(POLICIES, empty);
        assertEquals(0, empty.stats().hits(), "entries in another directory are never read");
        Files.delete(entry(dir, "mulesoft"));
        Files.createSymbolicLink(entry(dir, "mulesoft"), entry(elsewhere, "mulesoft"));
        RuleCache linked = RuleCache.at(dir);
        open(POLICIES, linked);
        assertEquals(new RuleCache.Stats(4, 0, 1, 1), linked.stats());
        assertFalse(Files.isSymbolicLink(entry(dir, "mulesoft")), "the rebuilt entry replaced the link");
    }

    @Test
    void entriesOthersCanWriteAreIgnored() throws IOException {
        Path dir = primedCopy(tmp.resolve("cache"));
        Files.setPosixFilePermissions(entry(dir, "confluent"), PosixFilePermissions.fromString("rw-rw-rw-"));
        RuleCache writableFile = RuleCache.at(dir);
        open(POLICIES, writableFile);
        assertEquals(new RuleCache.Stats(4, 0, 1, 1), writableFile.stats());

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        RuleCache writableDir = RuleCache.at(dir);
        PolicyCatalog built = open(POLICIES, writableDir);
        assertEquals(new RuleCache.Stats(0, 0, 5, 0), writableDir.stats(), "nothing read from or written to a shared directory");
        sameDecisions(fresh, built, List.of("confluent"));
    }

    @Test
    void aRuleThatDoesNotBuildIsReportedAtItsStatement() {
        LoadedPolicy p = fresh.policy("mixpanel").orElseThrow();
        CompiledDrl drl = p.drl();
        String rule = drl.statementByRule().keySet().iterator().next();
        int at = drl.text().indexOf("rule \"" + rule + "\"");
        int insert = drl.text().indexOf("insert(c);", at);
        CompiledDrl broken = new CompiledDrl(drl.policyId(), drl.resourceName(),
                drl.text().substring(0, insert) + "insert(c;" + drl.text().substring(insert + "insert(c);".length()),
                drl.statementByRule(), drl.diagnostics());
        Diagnostics d = new Diagnostics();
        assertTrue(PolicyKnowledge.build(broken, p.policy(), "sha256:broken", RuleCache.at(tmp.resolve("cache")), d).isEmpty());
        Diagnostic first = d.sorted().get(0);
        assertEquals("drl_build", first.code());
        assertEquals(p.policy().statement(drl.statementByRule().get(rule)).orElseThrow().location(), first.location());
        assertFalse(Files.exists(entry(tmp.resolve("cache"), "mixpanel")), "a failed build is not cached");
    }

    static Path copyPolicies(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(POLICIES)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(POLICIES.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
