package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostic;
import dev.clausewise.source.SourceLocation;
import dev.clausewise.source.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the policy arguments of any command name, resolved from the caller's working directory: a policy id
 * (a folder of the policies root), a policy folder, a policy.yaml file, a folder of policy folders (the policies
 * root among them), or any other file (a scenario file, which only `test` takes).
 *
 * <p>The policies root, whose vocabulary.yaml every policy is built with, is --policies when given; else the root
 * the arguments lie in (a folder with vocabulary.yaml, or the parent of a policy folder that has one); else the
 * working directory or the nearest folder above it that is a policies root or holds policies-yaml/.
 *
 * @param root the policies root, as it is shown and opened
 * @param policies the policies named, each once, in argument order (a folder of policies: its folders sorted)
 * @param files the other files named, in argument order
 */
public record PolicyArgs(Path root, List<Target> policies, List<Path> files) {
    public static final String DEFAULT_ROOT = "policies-yaml";

    public PolicyArgs {
        policies = List.copyOf(policies);
        files = List.copyOf(files);
    }

    /**
     * One policy folder.
     *
     * @param id the folder's name: the id the policy must have
     * @param dir the folder, as it is shown and opened
     * @param byId named by its id rather than by a path
     */
    public record Target(String id, Path dir, boolean byId) {
        public Path file() {
            return dir.resolve(PolicyBuilder.POLICY_FILE);
        }
    }

    /** The arguments resolved, or why they cannot be (diagnostics located at the argument). */
    public record Result(Optional<PolicyArgs> args, List<Diagnostic> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param cwd the caller's working directory; paths are shown relative to it when it is the process's own
     * @param explicitRoot --policies, or null
     */
    public static Result resolve(Path cwd, Path explicitRoot, List<String> args) {
        Paths paths = new Paths(cwd);
        List<Diagnostic> problems = new ArrayList<>();
        Optional<Path> root = root(paths, explicitRoot, args, problems);
        if (root.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        Path rootAbs = paths.absolute(root.get());
        Set<Target> policies = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        if (args.isEmpty()) {
            PolicyCatalog.policyDirs(rootAbs).forEach(d -> policies.add(new Target(name(d), paths.shown(d, root.get().isAbsolute()), false)));
        }
        for (String arg : args) {
            Path p = paths.absolute(Path.of(arg));
            boolean absolute = Path.of(arg).isAbsolute();
            if (Files.isRegularFile(p)) {
                if (name(p).equals(PolicyBuilder.POLICY_FILE)) {
                    policies.add(new Target(name(p.getParent()), paths.shown(p.getParent(), absolute), false));
                } else {
                    files.add(paths.shown(p, absolute));
                }
            } else if (Files.isRegularFile(p.resolve(PolicyBuilder.POLICY_FILE))) {
                policies.add(new Target(name(p), paths.shown(p, absolute), false));
            } else if (Files.isDirectory(p) && isRoot(p) && !p.equals(rootAbs)) {
                problems.add(Diagnostic.error("two_policy_roots", SourceLocation.of(arg),
                        "a second policies folder: the policies are built with the vocabulary of " + shownRoot(root.get()),
                        "name policies of one folder per run, or pass --policies " + arg));
            } else if (Files.isDirectory(p) && !PolicyCatalog.policyDirs(p).isEmpty()) {
                PolicyCatalog.policyDirs(p).forEach(d -> policies.add(new Target(name(d), paths.shown(d, absolute), false)));
            } else if (!Files.exists(p) && isId(arg) && Files.isRegularFile(rootAbs.resolve(arg).resolve(PolicyBuilder.POLICY_FILE))) {
                policies.add(new Target(arg, root.get().resolve(arg), true));
            } else {
                problems.add(unknown(arg, p, root.get(), rootAbs));
            }
        }
        return problems.isEmpty() ? new Result(Optional.of(new PolicyArgs(root.get(), new ArrayList<>(policies), files)), List.of())
                : new Result(Optional.empty(), problems);
    }

    /** The one policy the arguments name, or a problem at {@code what} saying they name none or several. */
    public Result one(String what) {
        if (policies.size() == 1 && files.isEmpty()) {
            return new Result(Optional.of(this), List.of());
        }
        return new Result(Optional.empty(), List.of(Diagnostic.error("not_one_policy", SourceLocation.of(what),
                what + " names " + policies.size() + " policies" + (files.isEmpty() ? "" : " and " + files.size() + " other files") + ", not one",
                "give one policy id, policy folder or policy.yaml file")));
    }

    /** Whether {@code t} is a folder of this root (so a catalog of the root serves it under its id). */
    public boolean inRoot(Target t) {
        Path parent = t.dir().toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(root.toAbsolutePath().normalize());
    }

    private static Optional<Path> root(Paths paths, Path explicitRoot, List<String> args, List<Diagnostic> problems) {
        if (explicitRoot != null) {
            Path abs = paths.absolute(explicitRoot);
            if (!isRoot(abs)) {
                problems.add(Diagnostic.error("missing_vocabulary", SourceLocation.of(explicitRoot.toString()),
                        "no " + PolicyCatalog.VOCABULARY_FILE + " in this folder", "--policies names a folder with vocabulary.yaml and one folder per policy"));
                return Optional.empty();
            }
            return Optional.of(paths.shown(abs, explicitRoot.isAbsolute()));
        }
        Set<Path> implied = new LinkedHashSet<>();
        for (String arg : args) {
            Path p = paths.absolute(Path.of(arg));
            if (Files.exists(p)) {
                impliedRoot(p).ifPresent(r -> implied.add(r));
            }
        }
        if (implied.size() > 1) {
            problems.add(Diagnostic.error("two_policy_roots", SourceLocation.of(String.join(" ", args)),
                    "the arguments lie in " + implied.size() + " policies folders: " + String.join(", ", implied.stream().map(Path::toString).toList()),
                    "name policies of one folder per run, or pass --policies DIR to build them all with one vocabulary"));
            return Optional.empty();
        }
        if (implied.size() == 1) {
            Path r = implied.iterator().next();
            return Optional.of(paths.shown(r, args.stream().allMatch(a -> Path.of(a).isAbsolute())));
        }
        for (Path d = paths.base; d != null; d = d.getParent()) {
            if (isRoot(d)) {
                return Optional.of(paths.shown(d, false));
            }
            if (isRoot(d.resolve(DEFAULT_ROOT))) {
                return Optional.of(paths.shown(d.resolve(DEFAULT_ROOT), false));
            }
        }
        problems.add(Diagnostic.error("missing_vocabulary", SourceLocation.of(paths.base.toString()),
                "no policies folder: no " + PolicyCatalog.VOCABULARY_FILE + " and no " + DEFAULT_ROOT + "/ here or in a folder above",
                "run inside a project or pass --policies DIR (a folder with vocabulary.yaml and one folder per policy)"));
        return Optional.empty();
    }

    /** The root an existing path lies in: itself, or a folder up to three levels up (root/id/scenarios/file.yaml). */
    private static Optional<Path> impliedRoot(Path p) {
        Path d = Files.isDirectory(p) ? p : p.getParent();
        for (int up = 0; d != null && up <= 3; up++, d = d.getParent()) {
            if (isRoot(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve(PolicyCatalog.VOCABULARY_FILE));
    }

    /** A policy id can only name a folder of the root, never a path into it. */
    private static boolean isId(String arg) {
        return !arg.isEmpty() && !arg.contains("/") && !arg.contains("\\") && !arg.equals(".") && !arg.equals("..");
    }

    private static Diagnostic unknown(String arg, Path p, Path root, Path rootAbs) {
        List<String> ids = PolicyCatalog.policyDirs(rootAbs).stream().map(PolicyArgs::name).toList();
        String message = Files.isDirectory(p) ? "`" + arg + "` is a folder without " + PolicyBuilder.POLICY_FILE + " or policy folders"
                : "no policy `" + arg + "` under " + shownRoot(root) + " and no such folder or file";
        String help = Optional.ofNullable(Suggestions.didYouMean(arg, ids)).orElse("policies: " + String.join(", ", ids));
        return Diagnostic.error("unknown_policy", SourceLocation.of(arg), message, help);
    }

    private static String shownRoot(Path root) {
        return root.toString().isEmpty() ? "." : root.toString();
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    /** Absolute paths to look at files; shown paths as the caller would type them. */
    private static final class Paths {
        final Path base;
        final boolean processCwd;

        Paths(Path cwd) {
            this.base = cwd.toAbsolutePath().normalize();
            this.processCwd = base.equals(Path.of("").toAbsolutePath().normalize());
        }

        Path absolute(Path p) {
            return base.resolve(p).normalize();
        }

        /** Relative to the working directory when the caller gave a relative path and the process runs there. */
        Path shown(Path abs, boolean absolute) {
            return absolute || !processCwd ? abs : base.relativize(abs);
        }
    }
}
