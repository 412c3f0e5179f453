package dev.clausewise.wire;

import java.util.List;

/**
 * One field of a question: its JSON name (inside {@code context} when {@link #context()}), its type, what it means,
 * its default, and the conditions it settles. The JSON reader, the compare query parameters, the CLI options and the
 * README's table all come from these.
 *
 * @param values the words it takes, when it takes a closed set (empty otherwise)
 */
public record QueryField(String name, Type type, boolean context, String meaning, String defaultValue, List<String> values,
                         String settles) {
    public enum Type {
        TEXT("a string"), BOOLEAN("true, false or null"), INTEGER("a whole number or null");

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }

        /** How an error message names what was expected. */
        public String expected() {
            return expected;
        }
    }

    public QueryField {
        values = List.copyOf(values);
    }

    /** The CLI option: --opted-out for optedOut. */
    public String option() {
        return "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The field as an error names it: context.age for a context field. */
    public String path() {
        return context ? "context." + name : name;
    }
}
