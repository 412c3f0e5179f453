package dev.clausewise.catalog;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import dev.clausewise.source.Diagnostic;
import java.util.List;
import java.util.stream.Stream;

/**
 * Watches the policies folder and reloads a policy whose files changed, off the request path. Changes are
 * debounced so that an editor's save (often several events) costs one rebuild.
 */
public final class PolicyWatcher implements AutoCloseable {
    private static final long DEBOUNCE_MS = 150;
    /** The debounce key of vocabulary.yaml: not a policy id, so it cannot clash with one. */
    private static final String VOCABULARY = "/vocabulary";

    /** What the watcher did, for the log and the metrics. */
    public interface Listener {
        void reloaded(PolicyBuild build);

        /** A policy folder (or its policy.yaml) is gone: the policy no longer serves. */
        void unloaded(String id);

        /** vocabulary.yaml changed: {@code refused} is empty when the new vocabulary was taken. */
        void vocabulary(List<Diagnostic> refused);
    }

    private final PolicyCatalog catalog;
    private final Listener listener;
    private final WatchService watch;
    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "policy-reload"));
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Thread loop;

    public PolicyWatcher(PolicyCatalog catalog, Listener listener) throws IOException {
        this.catalog = catalog;
        this.listener = listener;
        this.watch = FileSystems.getDefault().newWatchService();
        register(catalog.root());
        try (Stream<Path> children = Files.list(catalog.root())) {
            for (Path p : children.filter(Files::isDirectory).toList()) {
                register(p);
            }
        }
        loop = daemon(this::run, "policy-watcher");
        loop.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        dirs.put(key, dir);
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watch.take();
                Path dir = dirs.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (dir != null && event.context() instanceof Path name) {
                        changed(dir, dir.resolve(name));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(Path dir, Path file) {
        if (dir.equals(catalog.root())) {
            if (file.getFileName().toString().startsWith("..")) {
                // A Kubernetes ConfigMap volume swaps its "..data" symlink: every file may have changed at once.
                PolicyCatalog.policyDirs(catalog.root()).forEach(p -> schedule(p.getFileName().toString()));
                return;
            }
            String name = file.getFileName().toString();
            if (name.equals(PolicyCatalog.VOCABULARY_FILE)) {
                schedule(VOCABULARY, () -> listener.vocabulary(catalog.reloadVocabulary()));
                return;
            }
            if (Files.isDirectory(file)) {
                try {
                    register(file);
                } catch (IOException e) {
                    return;
                }
                schedule(name);
            } else if (catalog.policies().containsKey(name) || catalog.refusals().containsKey(name)) {
                // A folder deleted or renamed away: its policy stops serving (a rename also creates the new folder).
                schedule(name);
            }
            return;
        }
        String name = file.getFileName().toString();
        if (name.equals(PolicyBuilder.POLICY_FILE) || name.equals(PolicyBuilder.SOURCE_FILE)) {
            schedule(dir.getFileName().toString());
        }
    }

    private void schedule(String id) {
        schedule(id, () -> {
            if (Files.isRegularFile(catalog.root().resolve(id).resolve(PolicyBuilder.POLICY_FILE))) {
                listener.reloaded(catalog.reload(id));
            } else if (catalog.unload(id)) {
                listener.unloaded(id);
            }
        });
    }

    private void schedule(String key, Runnable task) {
        pending.compute(key, (k, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return builder.schedule(() -> {
                pending.remove(key);
                task.run();
            }, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // closing a watch service only releases OS handles; nothing to recover
        }
        builder.shutdownNow();
    }
}
