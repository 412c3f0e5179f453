package dev.clausewise.cli;

import dev.clausewise.analysis.Progress;
import java.io.PrintStream;

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

    /** A bar when the process runs in a terminal, else nothing. */
    static Progress forTerminal(String label) {
        return System.console() == null ? Progress.NONE : new ProgressBar(System.err, label);
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
