package dev.clausewise.decisionlog;

import dev.clausewise.explain.Json;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON Lines in {@code dir/decisions.jsonl}, rotated to decisions.1.jsonl … decisions.N.jsonl by size. Requests
 * only enqueue; one writer thread writes, flushes the first record after a quiet spell at once and then every
 * {@code flushMillis} (or when a read-back asks), and indexes each record's
 * place so that a read-back by id is one seek (the records of earlier runs a few seconds after opening, or at the
 * first read-back that needs them). A write that fails is retried (with backoff) until it succeeds;
 * meanwhile the sink reports DOWN, and what no longer fits the queue is dropped and counted, or the request
 * waits up to {@code blockMillis} first, as configured. An Error while writing (OutOfMemoryError) loses the record
 * being written and the lines not yet flushed, counted as dropped, and the writer goes on; should the writer
 * stop anyway, the sink reports DOWN and every record appended after is dropped and counted, never queued for
 * a writer that is gone.
 *
 * <p>Loss bound: a crash (SIGKILL) loses what was queued plus what was written in the last {@code flushMillis}
 * and not yet flushed. A line cut by a crash is moved to {@code decisions.partial} on the next open, so every
 * line of the log parses.
 */
public final class FileDecisionSink implements DecisionSink {
    private static final String CURRENT = "decisions.jsonl";
    static final String PARTIAL = "decisions.partial";
    private static final long MAX_BACKOFF_MS = 5_000;
    private static final int OFFSET_BITS = 40;
    /** How much of a line's start is kept to read its id from. */
    private static final int HEAD = 64;
    /** A read-back waits at most this long for the writer to flush what was appended before it. */
    private static final long FIND_WAIT_MS = 2_000;
    /**
     * The records a previous run left are indexed this long after the sink opens, or when a read-back needs them
     * first: indexing a full log (six files of 10 MB) takes a starting service's CPU for a fifth of a second.
     */
    private static final long INDEX_DELAY_MS = 5_000;

    /** What to do with a record when the queue is full. */
    public enum WhenFull { DROP, BLOCK }

    /** How the sink writes; {@link #defaults(long, int)} is what the service runs with unless configured. */
    public record Settings(long maxBytes, int files, int queueCapacity, WhenFull whenFull, long blockMillis, long flushMillis) {
        public static Settings defaults(long maxBytes, int files) {
            return new Settings(maxBytes, files, 100_000, WhenFull.DROP, 1_000, 200);
        }
    }

    private record Pending(String id, byte[] line) {
    }

    private final Path dir;
    private final Settings settings;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    /** Decision id → generation (high bits) and byte offset (low bits) of its line, for flushed lines only. */
    private final Map<String, Long> index = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> idsByGeneration = new HashMap<>();
    private final List<String[]> unflushed = new ArrayList<>();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong flushedCount = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object flushed = new Object();
    private volatile long generation;
    private volatile boolean failing;
    private volatile String lastError;
    private volatile boolean closed;
    /** Set by a reader waiting for the records appended so far: the writer flushes at once instead of at the interval. */
    private volatile boolean flushWanted;
    /** Set by a read-back that needs the records of the files a previous run left. */
    private volatile boolean indexWanted;
    private final CountDownLatch indexed = new CountDownLatch(1);
    private final long openedAt = System.currentTimeMillis();
    private OutputStream out;
    private long written;
    private long lastFlush;
    /** Test seam: runs before each record is written, so a test can make the write path throw. */
    volatile java.util.function.Consumer<String> beforeWrite = id -> {
    };

    public FileDecisionSink(Path dir, long maxBytes, int keep) {
        this(dir, Settings.defaults(maxBytes, keep));
    }

    public FileDecisionSink(Path dir, Settings settings) {
        this.dir = dir;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the decision log in " + dir, e);
        }
        generation = settings.files() + 1L;
        writer = new Thread(this::run, "decision-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void append(DecisionRecord record) {
        if (!writer.isAlive()) {
            dropped.incrementAndGet();
            return;
        }
        Pending p = new Pending(record.id(), Json.bytes(record));
        boolean queued;
        try {
            queued = settings.whenFull() == WhenFull.BLOCK ? queue.offer(p, settings.blockMillis(), TimeUnit.MILLISECONDS) : queue.offer(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (queued) {
            enqueued.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
        if (!writer.isAlive()) {
            dropQueued();
        }
    }

    /** Whatever is still queued when the writer is gone will never be written: counted as dropped, not kept. */
    private void dropQueued() {
        while (queue.poll() != null) {
            dropped.incrementAndGet();
        }
    }

    private void run() {
        try {
            writeUntilClosed();
        } finally {
            if (!closed) {
                lastError = "the writer stopped" + (lastError == null ? "" : " after " + lastError);
            }
            dropQueued();
        }
    }

    private void writeUntilClosed() {
        Pending pending = null;
        long backoff = 100;
        while (!closed || pending != null || !queue.isEmpty()) {
            if (indexed.getCount() > 0 && (indexWanted || System.currentTimeMillis() - openedAt >= INDEX_DELAY_MS)) {
                indexExisting();
                indexed.countDown();
            }
            try {
                if (pending == null) {
                    pending = unflushed.isEmpty() ? queue.poll(settings.flushMillis(), TimeUnit.MILLISECONDS) : queue.poll();
                }
                if (pending != null) {
                    write(pending);
                    pending = null;
                    continue;
                }
                if (unflushed.isEmpty()) {
                    flushWanted = false;
                    continue;
                }
                long left = lastFlush + settings.flushMillis() - System.currentTimeMillis();
                if (left > 0 && !flushWanted && !closed) {
                    // Under load the writer wakes once per flush interval, not once per record: a wake-up and a
                    // write call per decision cost more CPU than answering it from the memo.
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(left));
                    continue;
                }
                flushWanted = false;
                flushNow();
                failing = false;
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                // Kept: the record is retried once the file can be written again; only a full queue loses records.
                failed(e);
                if (!closeQuietly()) {
                    dropUnflushed();
                }
                if (closed) {
                    dropped.addAndGet(pending == null ? 0 : 1);
                    return;
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } catch (Error e) {
                // Not retried: an Error (out of memory) may come back with the same record; it is dropped and counted.
                failed(e);
                if (pending != null) {
                    pending = null;
                    dropped.incrementAndGet();
                }
                if (!closeQuietly()) {
                    dropUnflushed();
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        try {
            flushNow();
        } catch (IOException e) {
            failures.incrementAndGet();
        }
        closeQuietly();
    }

    private void failed(Throwable e) {
        // The error and the count before the state: whoever sees DOWN (a volatile read of failing) sees both.
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        failures.incrementAndGet();
        failing = true;
    }

    /** Lines handed to a stream that could not be flushed are gone: counted as dropped, never indexed. */
    private void dropUnflushed() {
        dropped.addAndGet(unflushed.size());
        unflushed.clear();
    }

    private void write(Pending p) throws IOException {
        beforeWrite.accept(p.id());
        if (out == null) {
            open();
        }
        if (written > 0 && written + p.line().length + 1 > settings.maxBytes()) {
            flushNow();
            closeQuietly();
            rotate();
            open();
        }
        out.write(p.line());
        out.write('\n');
        unflushed.add(new String[] {p.id(), Long.toString(written)});
        written += p.line().length + 1;
    }

    /** Opens the current file for appending, first moving aside a last line a crash left without its newline. */
    private void open() throws IOException {
        Files.createDirectories(dir);
        Path current = dir.resolve(CURRENT);
        if (Files.exists(current) && !Files.isDirectory(current)) {
            repairPartialLine(current);
        }
        out = new BufferedOutputStream(Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
        written = Files.size(current);
    }

    private void repairPartialLine(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            long keep = end;
            while (keep > 0) {
                f.seek(keep - 1);
                if (f.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep == end) {
                return;
            }
            byte[] tail = new byte[(int) Math.min(end - keep, Integer.MAX_VALUE - 8)];
            f.seek(keep);
            f.readFully(tail);
            Files.write(dir.resolve(PARTIAL), (new String(tail, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            f.setLength(keep);
        }
    }

    private void flushNow() throws IOException {
        if (out != null) {
            out.flush();
        }
        lastFlush = System.currentTimeMillis();
        long g = generation;
        for (String[] e : unflushed) {
            index.put(e[0], g << OFFSET_BITS | Long.parseLong(e[1]));
            idsByGeneration.computeIfAbsent(g, k -> new ArrayList<>()).add(e[0]);
        }
        flushedCount.addAndGet(unflushed.size());
        unflushed.clear();
        synchronized (flushed) {
            flushed.notifyAll();
        }
    }

    private void rotate() throws IOException {
        int keep = settings.files();
        for (int i = keep - 1; i >= 1; i--) {
            Path from = dir.resolve("decisions." + i + ".jsonl");
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("decisions." + (i + 1) + ".jsonl"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(dir.resolve(CURRENT), dir.resolve("decisions.1.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        generation++;
        List<String> gone = idsByGeneration.remove(generation - keep - 1);
        if (gone != null) {
            gone.forEach(index::remove);
        }
        written = 0;
    }

    /** Indexes the files a previous run left, oldest first, so their records can be read back too. */
    /**
     * Indexes the records of the files a previous run left, by id, for read-back. Each block is searched for
     * newlines by {@code String.indexOf} over its bytes as Latin-1 (a vectorized JDK intrinsic): a full log (six
     * files of 10 MB) read a byte per call cost the starting service half a second of CPU beside its start.
     */
    private void indexExisting() {
        byte[] block = new byte[1 << 16];
        StringBuilder head = new StringBuilder(HEAD);
        for (int k = settings.files(); k >= 0; k--) {
            Path f = file(k);
            if (!Files.isRegularFile(f)) {
                continue;
            }
            long g = generation - k;
            try (var in = Files.newInputStream(f)) {
                long base = 0;
                long lineStart = 0;
                int n;
                while ((n = in.readNBytes(block, 0, block.length)) > 0) {
                    String text = new String(block, 0, n, StandardCharsets.ISO_8859_1);
                    int from = 0;
                    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
                        head.append(text, from, Math.min(nl, from + Math.max(0, HEAD - head.length())));
                        long start = lineStart;
                        idOf(new String(head.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)).ifPresent(id -> {
                            index.put(id, g << OFFSET_BITS | start);
                            idsByGeneration.computeIfAbsent(g, x -> new ArrayList<>()).add(id);
                        });
                        head.setLength(0);
                        from = nl + 1;
                        lineStart = base + from;
                    }
                    head.append(text, from, Math.min(n, from + Math.max(0, HEAD - head.length())));
                    base += n;
                }
            } catch (IOException e) {
                failures.incrementAndGet();
                lastError = "cannot index " + f + ": " + e.getMessage();
            }
        }
    }

    private static Optional<String> idOf(String lineStart) {
        String prefix = "{\"id\":\"";
        int end = lineStart.indexOf('"', prefix.length());
        return lineStart.startsWith(prefix) && end > 0 ? Optional.of(lineStart.substring(prefix.length(), end)) : Optional.empty();
    }

    private Path file(int k) {
        return k == 0 ? dir.resolve(CURRENT) : dir.resolve("decisions." + k + ".jsonl");
    }

    /** Closes the stream; false if what it buffered could not be written. */
    private boolean closeQuietly() {
        if (out == null) {
            return true;
        }
        try {
            out.close();
            return true;
        } catch (IOException e) {
            failures.incrementAndGet();
            return false;
        } finally {
            out = null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until what was appended so far is on disk and indexed, or {@code timeoutMillis} passed; true if it is. */
    public boolean flush(long timeoutMillis) {
        long target = enqueued.get();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        flushWanted = true;
        LockSupport.unpark(writer);
        synchronized (flushed) {
            while (flushedCount.get() < target && writer.isAlive()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    flushed.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return flushedCount.get() >= target;
    }

    /** Has the writer index the files a previous run left, unless it did; true once they are indexed. */
    private boolean awaitIndex() {
        if (indexed.getCount() == 0) {
            return false;
        }
        indexWanted = true;
        LockSupport.unpark(writer);
        try {
            return writer.isAlive() && indexed.await(FIND_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits (at most 10 s) until what was appended so far is on disk. */
    public void flush() {
        flush(10_000);
    }

    @Override
    public Optional<String> find(String decisionId) {
        Long at = index.get(decisionId);
        if (at == null && awaitIndex()) {
            at = index.get(decisionId);
        }
        if (at == null && flush(FIND_WAIT_MS)) {
            at = index.get(decisionId);
        }
        if (at == null) {
            return Optional.empty();
        }
        // A rotation between the lookup and the read moves the file; the line check catches it and the lookup is redone once.
        for (int attempt = 0; attempt < 2; attempt++) {
            Optional<String> line = read(at, decisionId);
            if (line.isPresent()) {
                return line;
            }
            at = index.get(decisionId);
            if (at == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<String> read(long at, String decisionId) {
        long k = generation - (at >>> OFFSET_BITS);
        if (k < 0 || k > settings.files()) {
            return Optional.empty();
        }
        Path f = file((int) k);
        long offset = at & ((1L << OFFSET_BITS) - 1);
        String needle = "{\"id\":\"" + decisionId + "\"";
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            r.seek(offset);
            String line = readLine(r);
            return line != null && line.startsWith(needle) ? Optional.of(line) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String readLine(RandomAccessFile r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1024);
        byte[] chunk = new byte[4096];
        int n;
        while ((n = r.read(chunk)) > 0) {
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    b.write(chunk, 0, i);
                    return b.toString(StandardCharsets.UTF_8);
                }
            }
            b.write(chunk, 0, n);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public SinkHealth health() {
        SinkHealth.Status status = failing || !writer.isAlive() && !closed ? SinkHealth.Status.DOWN
                : dropped.get() > 0 ? SinkHealth.Status.DEGRADED : SinkHealth.Status.UP;
        return new SinkHealth("file", status, flushedCount.get(), failures.get(), dropped.get(), queue.size(), lastError);
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
