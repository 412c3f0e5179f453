package dev.clausewise.cli;

import dev.clausewise.query.Query;
import dev.clausewise.wire.QueryField;
import dev.clausewise.wire.QueryFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The fields of a question as options, one per {@link QueryFields} descriptor (--opted-out for context.optedOut),
 * mixed into decide and compare; words are checked by the normalizer.
 */
final class QuestionOptions {
    static final String MIXIN = "question";

    private QuestionOptions() {
    }

    static List<QueryField> fields() {
        return Stream.concat(QueryFields.QUESTION.stream(), QueryFields.CONTEXT.stream()).toList();
    }

    /** The options, to mix into a command. */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create();
        for (QueryField f : fields()) {
            OptionSpec.Builder o = OptionSpec.builder(f.option()).description(description(f));
            switch (f.type()) {
                case TEXT -> o.type(String.class).paramLabel(f.values().isEmpty() ? "KEY" : String.join("|", f.values()));
                case BOOLEAN -> o.type(Boolean.class).arity("0..1").paramLabel("true|false");
                case INTEGER -> o.type(Integer.class).paramLabel("N");
            }
            spec.addOption(o.build());
        }
        return spec;
    }

    private static String description(QueryField f) {
        String s = Character.toUpperCase(f.meaning().charAt(0)) + f.meaning().substring(1).replace("`", "");
        return s + " (default: " + f.defaultValue().replace("`", "") + ")."
                + (f.settles().isEmpty() ? "" : " Settles " + f.settles().replace("`", "") + ".");
    }

    /** The options given on the command line, by option name, in descriptor order. */
    static Map<String, Object> given(CommandSpec command) {
        Map<String, Object> given = new LinkedHashMap<>();
        fields().forEach(f -> given.put(f.option(), command.findOption(f.option()).getValue()));
        return given;
    }

    static Query query(CommandSpec command, String policy) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(QueryFields.POLICY.name(), policy);
        fields().forEach(f -> values.put(f.name(), command.findOption(f.option()).getValue()));
        return QueryFields.query(values);
    }

    /** The option that sets a field an error names (context.optedOut: --opted-out), or the field itself. */
    static String option(String path) {
        Optional<QueryField> f = Stream.concat(Stream.of(QueryFields.POLICY), fields().stream()).filter(x -> x.path().equals(path)).findFirst();
        return f.map(QueryField::option).orElse("--" + path);
    }
}
