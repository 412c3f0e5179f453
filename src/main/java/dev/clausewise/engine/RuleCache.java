package dev.clausewise.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule packages kept on disk between runs. An entry is one file: a header holding the key it was made
 * for and the SHA-256 of its payload, then the payload. It is read only from this directory, only when the
 * directory and the file are this user's and nobody else can write them, only when the header's key equals the
 * key asked for and the payload's digest matches; anything else is a miss, never an error.
 */
public final class RuleCache {
    /** The setting that turns the cache off (CLI option, application.yml, environment). */
    public static final String OFF = "off";
    private static final Logger LOG = LoggerFactory.getLogger(RuleCache.class);
    private static final String MAGIC = "clausewise-rule-cache 1";
    private static final int MAX_HEADER = 16 * 1024;
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final RuleCache NONE = new RuleCache(null);

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();

    private RuleCache(Path dir) {
        this.dir = dir;
    }

    /** No cache: every load misses and nothing is written. */
    public static RuleCache none() {
        return NONE;
    }

    /** A cache in {@code dir}, created (owner-only) on the first write. */
    public static RuleCache at(Path dir) {
        return new RuleCache(dir.toAbsolutePath().normalize());
    }

    /**
     * The cache a setting names: blank means the default ($CLAUSEWISE_CACHE_DIR, else $XDG_CACHE_HOME/clausewise,
     * else ~/.cache/clausewise), {@value #OFF} means none, anything else is the directory.
     */
    public static RuleCache configured(String setting, Map<String, String> env) {
        if (setting != null && setting.strip().equalsIgnoreCase(OFF)) {
            return none();
        }
        if (setting != null && !setting.isBlank()) {
            return at(Path.of(setting.strip()));
        }
        String fromEnv = env.get("CLAUSEWISE_CACHE_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return configured(fromEnv, Map.of());
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("clausewise"));
    }

    /** The same directory with counts of its own: for another kind of entry, so that each kind's counts say what they count. */
    public RuleCache apart() {
        return dir == null ? NONE : new RuleCache(dir);
    }

    public Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    public boolean enabled() {
        return dir != null;
    }

    /** Counts since this cache was made: entries loaded, missed (absent or other key), refused (untrusted or corrupt), written. */
    public record Stats(int hits, int misses, int rejected, int written) {
    }

    public Stats stats() {
        return new Stats(hits.get(), misses.get(), rejected.get(), written.get());
    }

    /**
     * The key of an entry made from {@code drl} by {@code code} (e.g. answers explained by it): valid for the same
     * {@code what}, the DRL's imported classes, the engine rules, Drools, the JDK and the bytecode of {@code code}.
     */
    public static String keyFor(String kind, String what, String drl, Collection<Class<?>> code) {
        return RuleKey.of(kind, what + " drl " + RuleKey.sha256(drl.getBytes(StandardCharsets.UTF_8)), drl, code);
    }

    /** The payload stored under {@code name} for exactly {@code key}; empty on any miss. */
    public Optional<byte[]> load(String name, String key) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(fileName(name));
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                misses.incrementAndGet();
                return Optional.empty();
            }
            String untrusted = untrusted(file);
            if (untrusted != null) {
                rejected.incrementAndGet();
                LOG.warn("rule cache: ignoring {}: {}", file, untrusted);
                return Optional.empty();
            }
            byte[] all = Files.readAllBytes(file);
            int end = headerEnd(all);
            if (end < 0) {
                return corrupt(file, "no header");
            }
            String[] header = new String(all, 0, end, StandardCharsets.UTF_8).split("\n", -1);
            if (header.length != 4 || !header[0].equals(MAGIC) || !header[2].startsWith("sha256=") || !header[3].startsWith("bytes=")) {
                return corrupt(file, "bad header");
            }
            if (!header[1].equals("key=" + key)) {
                misses.incrementAndGet();
                LOG.debug("rule cache: {} was made for another key", file);
                return Optional.empty();
            }
            byte[] payload = Arrays.copyOfRange(all, end + 2, all.length);
            if (!header[3].equals("bytes=" + payload.length) || !header[2].equals("sha256=" + RuleKey.sha256(payload))) {
                return corrupt(file, "payload does not match its digest");
            }
            hits.incrementAndGet();
            return Optional.of(payload);
        } catch (IOException | RuntimeException e) {
            return corrupt(file, e.toString());
        }
    }

    /** Counts an entry whose payload could not be used although its digest matched (e.g. it no longer deserializes). */
    public void refuse(String name, String why) {
        if (dir != null) {
            rejected.incrementAndGet();
            hits.decrementAndGet();
            LOG.warn("rule cache: {} unusable ({}); rebuilding", dir.resolve(fileName(name)), why);
        }
    }

    private Optional<byte[]> corrupt(Path file, String why) {
        rejected.incrementAndGet();
        LOG.warn("rule cache: {} is corrupt ({}); rebuilding", file, why);
        return Optional.empty();
    }

    /** Writes the entry atomically (temp file in the same directory, fsync, rename); a failure is logged, never thrown. */
    public void store(String name, String key, byte[] payload) {
        if (dir == null) {
            return;
        }
        Path tmp = null;
        try {
            createDir();
            String untrustedDir = untrusted(dir);
            if (untrustedDir != null) {
                LOG.warn("rule cache: not writing to {}: {}", dir, untrustedDir);
                return;
            }
            String header = MAGIC + "\nkey=" + key + "\nsha256=" + RuleKey.sha256(payload) + "\nbytes=" + payload.length + "\n\n";
            tmp = Files.createTempFile(dir, "." + fileName(name), ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.UTF_8)));
                ByteBuffer body = ByteBuffer.wrap(payload);
                while (body.hasRemaining()) {
                    ch.write(body);
                }
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(fileName(name)), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            written.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.warn("rule cache: cannot write {} to {}: {}", name, dir, e.toString());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temp file's name starts with a dot and is never read as an entry.
                }
            }
        }
    }

    private void createDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    /**
     * Why {@code path} (the directory or an entry in it) is not to be trusted, or null: an entry must be a regular
     * file (not a link), and both must belong to this user and be writable by nobody else.
     */
    private String untrusted(Path path) throws IOException {
        String me = System.getProperty("user.name");
        boolean isDir = path.equals(dir);
        if (!isDir) {
            String d = untrusted(dir);
            if (d != null) {
                return "its directory: " + d;
            }
        }
        Path p = isDir ? dir.toRealPath() : path;
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (isDir ? !a.isDirectory() : !a.isRegularFile()) {
                return isDir ? "not a directory" : "not a regular file";
            }
            if (!a.owner().getName().equals(me)) {
                return "owned by " + a.owner().getName() + ", not " + me;
            }
            Set<PosixFilePermission> perms = a.permissions();
            if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "writable by others (" + PosixFilePermissions.toString(perms) + ")";
            }
        } catch (UnsupportedOperationException e) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (isDir ? !a.isDirectory() : !a.isRegularFile()) {
                return isDir ? "not a directory" : "not a regular file";
            }
            String owner = Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
            if (!owner.equals(me) && !owner.endsWith("\\" + me)) {
                return "owned by " + owner + ", not " + me;
            }
        }
        if (!isDir && Files.size(p) > MAX_BYTES) {
            return "larger than " + MAX_BYTES + " bytes";
        }
        return null;
    }

    private static int headerEnd(byte[] all) {
        for (int i = 0; i + 1 < Math.min(all.length, MAX_HEADER); i++) {
            if (all[i] == '\n' && all[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Entry names are made of letters, digits, '-' and '_' only, so no name can leave the directory. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_") + ".rules";
    }
}
