package dev.clausewise.api;

/** Client-written text made safe to echo in a reply or a log line: control characters escaped, length clipped. */
final class LogText {
    static final int MAX = 120;

    private LogText() {
    }

    /** At most {@link #MAX} characters, each control character (newline, escape) written as \\uXXXX. */
    static String clip(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > MAX ? b.append("… (").append(s.length()).append(" characters)").toString() : b.toString();
    }
}
