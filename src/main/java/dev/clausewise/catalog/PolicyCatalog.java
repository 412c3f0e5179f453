package dev.clausewise.catalog;

import dev.clausewise.check.PolicyChecker;
import dev.clausewise.engine.RuleCache;
import dev.clausewise.explain.DecisionExplainer;
import dev.clausewise.explain.Explain;
import dev.clausewise.query.NormalizedQuery;
import dev.clausewise.query.Query;
import dev.clausewise.query.QueryError;
import dev.clausewise.query.QueryNormalizer;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.Diagnostics;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.source.Suggestions;
import dev.clausewise.vocabulary.Vocabulary;
import dev.clausewise.vocabulary.VocabularyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The policies a process serves. Each policy version is swapped in whole; a version that fails any step
 * is refused and the last good one keeps serving, with the refusal kept for /health and the log.
 */
public final class PolicyCatalog {
    public static final String VOCABULARY_FILE = "vocabulary.yaml";

    private final Path root;
    /** The vocabulary's tools and the policies built with it, swapped together so that a question never mixes two vocabularies. */
    private final AtomicReference<State> state;
    private final Map<String, List<Diagnostic>> refusals = new ConcurrentHashMap<>();

    private record State(PolicyBuilder builder, QueryNormalizer normalizer, DecisionExplainer explainer, Map<String, LoadedPolicy> policies) {
        State(PolicyBuilder builder, Map<String, LoadedPolicy> policies) {
            this(builder, new QueryNormalizer(builder.vocabulary()), new DecisionExplainer(builder.vocabulary()), Map.copyOf(policies));
        }

        State with(Map<String, LoadedPolicy> next) {
            return new State(builder, normalizer, explainer, Map.copyOf(next));
        }
    }

    private PolicyCatalog(Path root, PolicyBuilder builder) {
        this.root = root;
        this.state = new AtomicReference<>(new State(builder, Map.of()));
    }

    /** Reads the vocabulary of {@code root}: the builder every policy of that folder is built with. */
    public static Optional<PolicyBuilder> builder(Path root, Diagnostics d) {
        return builder(root, RuleCache.none(), d);
    }

    /** The builder of {@code root}'s policies, reading and writing compiled rules in {@code cache}. */
    public static Optional<PolicyBuilder> builder(Path root, RuleCache cache, Diagnostics d) {
        Path vocabularyFile = root.resolve(VOCABULARY_FILE);
        String text;
        try {
            text = Files.readString(vocabularyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            d.error("missing_vocabulary", SourceLocation.of(vocabularyFile.toString()), "cannot read the vocabulary: " + e.getMessage(),
                    "point --policies at a folder holding vocabulary.yaml and one folder per policy");
            return Optional.empty();
        }
        return VocabularyLoader.load(vocabularyFile.toString(), text, d).map(v -> new PolicyBuilder(v, text, cache));
    }

    /** Reads the vocabulary, then builds every policy folder under {@code root} in parallel. */
    public static Result open(Path root) {
        return open(root, RuleCache.none());
    }

    /** Opens {@code root} with compiled rules read from and written to {@code cache}. */
    public static Result open(Path root, RuleCache cache) {
        return open(root, cache, vocabulary -> {
        });
    }

    /**
     * Opens {@code root} as {@link #open(Path, RuleCache)} does, handing the vocabulary's diagnostics to
     * {@code vocabularyRead} as soon as it is read, before the policies are built.
     */
    public static Result open(Path root, RuleCache cache, Consumer<List<Diagnostic>> vocabularyRead) {
        Diagnostics d = new Diagnostics();
        Optional<PolicyBuilder> builder = builder(root, cache, d);
        vocabularyRead.accept(d.sorted());
        if (builder.isEmpty()) {
            return new Result(Optional.empty(), d.sorted());
        }
        return open(root, builder.get(), d);
    }

    /** Builds every policy folder under {@code root} with {@code builder} (the vocabulary of that folder), in parallel. */
    public static Result open(Path root, PolicyBuilder builder) {
        return open(root, builder, new Diagnostics());
    }

    private static Result open(Path root, PolicyBuilder builder, Diagnostics d) {
        PolicyCatalog catalog = new PolicyCatalog(root, builder);
        List<PolicyBuild> builds = policyDirs(root).parallelStream().map(builder::build).toList();
        Map<String, LoadedPolicy> loaded = new TreeMap<>();
        for (PolicyBuild b : builds) {
            d.addAll(b.diagnostics());
            b.policy().ifPresentOrElse(p -> loaded.put(p.policy().id(), p), () -> catalog.refusals.put(b.id(), b.diagnostics()));
        }
        catalog.state.set(new State(builder, loaded));
        return new Result(Optional.of(catalog), d.sorted());
    }

    /** The catalog (absent when the vocabulary itself is broken) and every diagnostic of every policy. */
    public record Result(Optional<PolicyCatalog> catalog, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** The policy folders under {@code root}: those holding a policy.yaml. */
    public static List<Path> policyDirs(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(p -> Files.isRegularFile(p.resolve(PolicyBuilder.POLICY_FILE))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Path root() {
        return root;
    }

    public Vocabulary vocabulary() {
        return builder().vocabulary();
    }

    public PolicyBuilder builder() {
        return state.get().builder();
    }

    public Map<String, LoadedPolicy> policies() {
        return state.get().policies();
    }

    public Optional<LoadedPolicy> policy(String id) {
        return Optional.ofNullable(policies().get(id));
    }

    public Map<String, List<Diagnostic>> refusals() {
        return Map.copyOf(refusals);
    }

    /** Rebuilds one policy from disk; swaps it in only if every step passed, else keeps the last good one. */
    public synchronized PolicyBuild reload(String id) {
        PolicyBuild b = builder().build(root.resolve(id));
        b.policy().ifPresentOrElse(p -> swapIn(id, p), () -> refusals.put(id, b.diagnostics()));
        return b;
    }

    /**
     * Builds an uploaded policy.yaml against the document beside it; when every step passes, writes the file
     * atomically (temp file + rename) and swaps the new version in. A refused upload changes nothing. {@code step}
     * runs between the build's steps and once more before the write: when it throws (the client went away), nothing
     * is written and the served version stays; once the file is renamed into place the new version stands.
     */
    public synchronized PolicyBuild replace(String id, String yaml, Runnable step) throws IOException {
        Path dir = folder(id).orElseThrow(() -> new IllegalArgumentException("not a policy id: " + id));
        PolicyBuild b = check(id, yaml, step);
        if (b.ok()) {
            step.run();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".policy", ".yaml.tmp");
            try {
                Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
                // A temp file is created owner-only; the policy file is read by whoever reads the folder, as one written by hand.
                if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, dir.resolve(PolicyBuilder.POLICY_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                // A write that failed leaves no half-written temp file beside the policy; after the rename there is none.
                Files.deleteIfExists(tmp);
            }
            swapIn(id, b.policy().get());
        }
        return b;
    }

    /** Takes policy YAML through every step, quotes proven against the served document of that id; serves nothing. */
    public PolicyBuild check(String id, String yaml) throws IOException {
        return check(id, yaml, () -> { });
    }

    /** As {@link #check(String, String)}, running {@code step} between the build's steps (it may stop the build by throwing). */
    public PolicyBuild check(String id, String yaml, Runnable step) throws IOException {
        Optional<Path> dir = folder(id);
        if (dir.isEmpty()) {
            // An id that is not a policy id names no folder: no path is built from it, no file is read.
            return builder().build(id, PolicyBuilder.POLICY_FILE, yaml, null, step);
        }
        Path source = dir.get().resolve(PolicyBuilder.SOURCE_FILE);
        String document = Files.exists(source) ? Files.readString(source, StandardCharsets.UTF_8) : null;
        return builder().build(id, dir.get().resolve(PolicyBuilder.POLICY_FILE).toString(), yaml, document, step);
    }

    /** The folder of policy {@code id} under the root, or empty when {@code id} is not a policy id (no "..", no "/"). */
    public Optional<Path> folder(String id) {
        return id != null && PolicyChecker.POLICY_ID.matcher(id).matches() ? Optional.of(root.resolve(id)) : Optional.empty();
    }

    private void swapIn(String id, LoadedPolicy p) {
        state.updateAndGet(s -> {
            Map<String, LoadedPolicy> next = new HashMap<>(s.policies());
            next.put(id, p);
            return s.with(next);
        });
        refusals.remove(id);
    }

    /** Stops serving a policy whose folder is gone (deleted or renamed), and forgets its refusal; false if it was unknown. */
    public synchronized boolean unload(String id) {
        boolean served = policies().containsKey(id);
        state.updateAndGet(s -> {
            Map<String, LoadedPolicy> next = new HashMap<>(s.policies());
            next.remove(id);
            return s.with(next);
        });
        return refusals.remove(id) != null || served;
    }

    /**
     * Re-reads vocabulary.yaml and rebuilds every served policy with it. The new vocabulary is taken only when it
     * loads and every served policy builds with it; otherwise it is refused (kept under {@code vocabulary.yaml}
     * in the refusals) and the last good vocabulary and policies keep serving. Returns the refusal's diagnostics, empty when taken.
     */
    public synchronized List<Diagnostic> reloadVocabulary() {
        Diagnostics d = new Diagnostics();
        Optional<PolicyBuilder> next = builder(root, d);
        if (next.isPresent()) {
            Map<String, LoadedPolicy> rebuilt = new TreeMap<>();
            for (String id : policies().keySet()) {
                PolicyBuild b = next.get().build(root.resolve(id));
                b.policy().ifPresentOrElse(p -> rebuilt.put(id, p), () -> d.error("vocabulary_breaks_policy", SourceLocation.of(VOCABULARY_FILE),
                        "policy `" + id + "` does not build with the new vocabulary", b.diagnostics().stream().filter(Diagnostic::isError)
                                .findFirst().map(Diagnostic::format).orElse(null)));
            }
            if (!d.hasErrors()) {
                state.set(new State(next.get(), rebuilt));
                refusals.remove(VOCABULARY_FILE);
                return List.of();
            }
        }
        List<Diagnostic> refused = d.sorted().stream().filter(Diagnostic::isError).toList();
        refusals.put(VOCABULARY_FILE, refused);
        return refused;
    }

    /**
     * Keeps what the served versions decided for the next run: each policy's memo goes to the rule cache (when one
     * is configured), read back by a build of the same version. Called when the service stops.
     */
    public void persistAnswers() {
        RuleCache answers = builder().answers();
        policies().values().forEach(p -> p.storeAnswers(answers));
    }

    public Answer decide(Query query, Explain explain) {
        Asking a = asking(query);
        return a.rejected() != null ? a.rejected() : new Answer.Answered(a.policy().answer(a.query(), a.explainer(), explain));
    }

    /**
     * The answer when it needs no engine evaluation (a rejected question, or a class the memo holds), else empty:
     * what a caller may answer on a thread that must not wait for Drools.
     */
    public Optional<Answer> decideKnown(Query query, Explain explain) {
        Asking a = asking(query);
        if (a.rejected() != null) {
            return Optional.of(a.rejected());
        }
        return a.policy().known(a.query(), a.explainer(), explain).map(Answer.Answered::new);
    }

    /** A question checked and normalized against the version that answers it, or why it cannot be answered. */
    private record Asking(Answer.Rejected rejected, LoadedPolicy policy, NormalizedQuery query, DecisionExplainer explainer) {
    }

    private Asking asking(Query query) {
        if (query.policy() == null || query.policy().isBlank()) {
            return new Asking(new Answer.Rejected("missing_field", "`policy` is required",
                    List.of(new QueryError("policy", "missing_field", "`policy` is required", "one of " + String.join(", ", policies().keySet())))),
                    null, null, null);
        }
        State s = state.get();
        LoadedPolicy p = s.policies().get(query.policy());
        if (p == null) {
            return new Asking(new Answer.Rejected("unknown_policy", "no policy `" + query.policy() + "` is loaded",
                    List.of(new QueryError("policy", "unknown_policy", "no policy `" + query.policy() + "` is loaded",
                            Optional.ofNullable(Suggestions.didYouMean(query.policy(), policies().keySet()))
                                    .orElse("loaded policies: " + String.join(", ", policies().keySet()))))), null, null, null);
        }
        QueryNormalizer.Result n = s.normalizer().normalize(query);
        if (!n.ok()) {
            QueryError first = n.errors().get(0);
            return new Asking(new Answer.Rejected(first.code(), first.message(), n.errors()), null, null, null);
        }
        return new Asking(null, p, n.query(), s.explainer());
    }

    /**
     * Answers many questions across all cores, in input order: the batch path. Each engine evaluation borrows a
     * pooled session, so the only per-question cost is the evaluation itself.
     */
    public List<Answer> decideAll(List<Query> queries, Explain explain) {
        return decideAll(queries, Collections.nCopies(queries.size(), explain));
    }

    /** The batch path with an explain level per question ({@code levels} as long as {@code queries}). */
    public List<Answer> decideAll(List<Query> queries, List<Explain> levels) {
        if (levels.size() != queries.size()) {
            throw new IllegalArgumentException(levels.size() + " explain levels for " + queries.size() + " questions");
        }
        return IntStream.range(0, queries.size()).parallel().mapToObj(i -> decide(queries.get(i), levels.get(i))).toList();
    }

}
