package dev.clausewise.decisionlog;

import dev.clausewise.explain.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * JSON Lines in {@code dir/decisions.jsonl}, rotated to decisions.1.jsonl … decisions.N.jsonl by size. A writer
 * thread drains a queue so that requests only enqueue; it flushes whenever the queue runs empty.
 */
public final class FileDecisionSink implements DecisionSink {
    private static final String CURRENT = "decisions.jsonl";

    private final Path dir;
    private final long maxBytes;
    private final int keep;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(100_000);
    private final Thread writer;
    private final Object flushed = new Object();
    private volatile boolean closed;
    private long written;

    public FileDecisionSink(Path dir, long maxBytes, int keep) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.keep = keep;
        try {
            Files.createDirectories(dir);
            Path current = dir.resolve(CURRENT);
            written = Files.exists(current) ? Files.size(current) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the decision log in " + dir, e);
        }
        writer = new Thread(this::drain, "decision-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void append(DecisionRecord record) {
        // A full queue drops the record rather than stall decisions; the gap shows as a missing id.
        queue.offer(Json.write(record));
    }

    private void drain() {
        BufferedWriter out = null;
        try {
            while (!closed || !queue.isEmpty()) {
                String line = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (out != null) {
                        out.flush();
                    }
                    synchronized (flushed) {
                        flushed.notifyAll();
                    }
                    continue;
                }
                if (out == null || written + line.length() + 1 > maxBytes) {
                    if (out != null) {
                        out.close();
                        rotate();
                    }
                    out = Files.newBufferedWriter(dir.resolve(CURRENT), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.write(line);
                out.write('\n');
                written += line.length() + 1;
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rotate() throws IOException {
        for (int i = keep - 1; i >= 1; i--) {
            Path from = dir.resolve("decisions." + i + ".jsonl");
            if (Files.exists(from)) {
                Files.move(from, dir.resolve("decisions." + (i + 1) + ".jsonl"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(dir.resolve(CURRENT), dir.resolve("decisions.1.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        written = 0;
    }

    /** Waits until what was appended so far is on disk. */
    public void flush() {
        synchronized (flushed) {
            while (!queue.isEmpty()) {
                try {
                    flushed.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                flushed.wait(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Optional<String> find(String decisionId) {
        flush();
        String needle = "{\"id\":\"" + decisionId + "\"";
        List<Path> files = new ArrayList<>();
        files.add(dir.resolve(CURRENT));
        for (int i = 1; i <= keep; i++) {
            files.add(dir.resolve("decisions." + i + ".jsonl"));
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                Optional<String> hit = lines.filter(l -> l.startsWith(needle)).findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
