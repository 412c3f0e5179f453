package dev.clausewise.catalog;

import dev.clausewise.check.CheckResult;
import dev.clausewise.check.PolicyChecker;
import dev.clausewise.check.SourceText;
import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.compiler.DrlCompiler;
import dev.clausewise.engine.PolicyKnowledge;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Policy;
import dev.clausewise.policy.PolicyLoader;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Takes one policy through the pipeline: load → check → compile → build. Every failure is a diagnostic. */
public final class PolicyBuilder {
    public static final String POLICY_FILE = "policy.yaml";
    public static final String SOURCE_FILE = "source.txt";

    /**
     * Builds of knowledge bases that run beside serving (versions answered from their decision table meanwhile):
     * one core is left to the answers.
     */
    private static final ExecutorService RULE_BUILDS = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1), r -> {
                Thread t = new Thread(r, "rules-build");
                t.setDaemon(true);
                return t;
            });

    /**
     * Open unless a starting service holds it: the background builds then wait until the service answers, so that
     * they do not take the CPU the start itself needs (a question that needs a knowledge base sooner builds it).
     */
    private static volatile CompletableFuture<Void> backgroundGate = CompletableFuture.completedFuture(null);

    private final Vocabulary vocabulary;
    private final String vocabularyDigest;
    private final RuleCache cache;
    /** The decision tables, in the rule cache's directory and counted apart from its compiled rules. */
    private final RuleCache answers;
    /** Builds by their whole input, when shared; null when every build is fresh. */
    private final Map<String, PolicyBuild> shared;

    /** Holds the background builds of the versions served from their decision tables until {@link #releaseBackgroundBuilds()}. */
    public static void holdBackgroundBuilds() {
        backgroundGate = new CompletableFuture<>();
    }

    /** Lets the held background builds run (idempotent). */
    public static void releaseBackgroundBuilds() {
        backgroundGate.complete(null);
    }

    public PolicyBuilder(Vocabulary vocabulary, String vocabularyText) {
        this(vocabulary, vocabularyText, RuleCache.none());
    }

    /** A builder that reads and writes compiled statement rules in {@code cache}. */
    public PolicyBuilder(Vocabulary vocabulary, String vocabularyText, RuleCache cache) {
        this(vocabulary, sha256(vocabularyText), cache, null);
    }

    private PolicyBuilder(Vocabulary vocabulary, String vocabularyDigest, RuleCache cache, Map<String, PolicyBuild> shared) {
        this.vocabulary = vocabulary;
        this.vocabularyDigest = vocabularyDigest;
        this.cache = cache;
        this.answers = cache.apart();
        this.shared = shared;
    }

    /**
     * A builder that builds each distinct input (id, file name, YAML, document) once and hands out that build
     * again: for a process that asks about the same files many times, such as a test suite running the CLI in
     * process. A build is immutable and its knowledge is safe to evaluate from any thread.
     */
    public PolicyBuilder sharingBuilds() {
        return new PolicyBuilder(vocabulary, vocabularyDigest, cache, new ConcurrentHashMap<>());
    }

    /** The same builder (and shared builds, if any) reading and writing compiled rules in {@code cache}. */
    public PolicyBuilder withCache(RuleCache cache) {
        return new PolicyBuilder(vocabulary, vocabularyDigest, cache, shared);
    }

    public RuleCache cache() {
        return cache;
    }

    /** Where decision tables are read and written: {@link #cache()}'s directory. */
    public RuleCache answers() {
        return answers;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Builds the policy in {@code dir} from its files on disk. */
    public PolicyBuild build(Path dir) {
        String id = dir.getFileName().toString();
        Path file = dir.resolve(POLICY_FILE);
        try {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            Path sourceFile = dir.resolve(SOURCE_FILE);
            String document = Files.exists(sourceFile) ? Files.readString(sourceFile, StandardCharsets.UTF_8) : null;
            return build(id, file.toString(), yaml, document);
        } catch (IOException e) {
            Diagnostics d = new Diagnostics();
            d.error("unreadable", SourceLocation.of(file.toString()), "cannot read: " + e.getMessage(), null);
            return new PolicyBuild(id, Optional.empty(), d.sorted());
        }
    }

    /** Builds a policy from text: the same path for files, uploads and validation requests. */
    public PolicyBuild build(String expectedId, String fileName, String yaml, String document) {
        return build(expectedId, fileName, yaml, document, () -> { });
    }

    /**
     * As {@link #build(String, String, String, String)}, running {@code step} between load, check, compile and build:
     * a request's job stops the build there by throwing once its client went away or its time is spent.
     */
    public PolicyBuild build(String expectedId, String fileName, String yaml, String document, Runnable step) {
        if (shared == null) {
            return fresh(expectedId, fileName, yaml, document, step);
        }
        String key = sha256(expectedId + "\u0000" + fileName + "\u0000" + yaml + "\u0000" + document);
        return shared.computeIfAbsent(key, k -> fresh(expectedId, fileName, yaml, document, step));
    }

    private PolicyBuild fresh(String expectedId, String fileName, String yaml, String document, Runnable step) {
        Diagnostics d = new Diagnostics();
        Optional<Policy> loaded = PolicyLoader.load(fileName, yaml, d);
        if (loaded.isEmpty()) {
            return new PolicyBuild(expectedId, Optional.empty(), d.sorted());
        }
        step.run();
        CheckResult checked = new PolicyChecker(vocabulary).check(loaded.get(), expectedId, document == null ? null : new SourceText(document));
        d.addAll(checked.diagnostics());
        if (d.hasErrors()) {
            return new PolicyBuild(expectedId, Optional.empty(), d.sorted());
        }
        step.run();
        Policy policy = checked.policy();
        CompiledDrl drl = new DrlCompiler().compile(policy);
        d.addAll(drl.diagnostics());
        if (d.hasErrors()) {
            return new PolicyBuild(expectedId, Optional.empty(), d.sorted());
        }
        step.run();
        String digest = "sha256:" + sha256(yaml + "\u0000" + document + "\u0000" + vocabularyDigest);
        String effective = policy.source().effective() == null ? "undated" : policy.source().effective();
        PolicyRef ref = new PolicyRef(policy.id(), effective + "+" + digest.substring(7, 19), digest);
        Optional<byte[]> table = DecisionTable.find(answers, policy.id(), DecisionTable.key(ref, drl));
        if (table.isPresent()) {
            // This very version was built and answered before (the table's key proves it): it serves the classes it
            // decided then from its table, and its knowledge base is built beside serving for the classes it did not.
            LoadedPolicy served = LoadedPolicy.servedFromTable(policy, drl, ref, document,
                    () -> DecisionTable.read(answers, policy.id(), table.get()), backgroundGate, RULE_BUILDS, () -> {
                        Diagnostics late = new Diagnostics();
                        return PolicyKnowledge.build(drl, policy, digest, cache, late).orElseThrow(() -> new IllegalStateException(
                                late.sorted().stream().filter(Diagnostic::isError).findFirst().map(Diagnostic::format).orElse("no diagnostic")));
                    });
            return new PolicyBuild(policy.id(), Optional.of(served), d.sorted());
        }
        Optional<PolicyKnowledge> knowledge = PolicyKnowledge.build(drl, policy, digest, cache, d);
        if (knowledge.isEmpty()) {
            return new PolicyBuild(expectedId, Optional.empty(), d.sorted());
        }
        return new PolicyBuild(policy.id(), Optional.of(new LoadedPolicy(policy, drl, knowledge.get(), ref, document)), d.sorted());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
