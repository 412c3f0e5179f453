package dev.clausewise.cli;

import dev.clausewise.analysis.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or a log). */
final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private int shown = -1;

    private ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    /** A bar when stderr is a terminal, else nothing. */
    static Progress forTerminal(String label) {
        return stderrIsTerminal() ? new ProgressBar(System.err, label) : Progress.NONE;
    }

    /** Linux tells through /proc where fd 2 points; elsewhere, a console means the process runs in a terminal. */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return System.console() != null;
        }
    }

    @Override
    public synchronized void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == shown) {
            return;
        }
        shown = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + done + "/" + total);
        if (done >= total) {
            out.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
        }
        out.flush();
    }
}
