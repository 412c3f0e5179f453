package dev.clausewise.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The clausewise command: one jar for the service and the authoring tools; every command lists the exit codes of {@link ExitCodes}. */
@Command(name = "clausewise", mixinStandardHelpOptions = true, version = "clausewise 0.1.0",
        description = "Privacy policies as code: decisions with explanations that quote the policy.",
        subcommands = {ServeCommand.class, DecideCommand.class, ValidateCommand.class, CompileCommand.class, TestCommand.class,
                LintCommand.class, DiffCommand.class, CompareCommand.class, VocabularyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine(Builders.FRESH).execute(args);
        if (code != 0 || !ServeCommand.serving()) {
            System.exit(code);
        }
    }

    /** The command line whose commands take their policy builders from {@code builders}, in the process's working directory. */
    public static CommandLine commandLine(Builders builders) {
        return commandLine(builders, Path.of(""));
    }

    /** The command line of a caller in {@code cwd}: policy arguments resolve from there. */
    public static CommandLine commandLine(Builders builders, Path cwd) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cl = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == PoliciesOption.class ? (K) new PoliciesOption(builders, cwd) : defaults.create(type);
            }
        });
        for (String command : new String[] {"decide", "compare"}) {
            cl.getSubcommands().get(command).getCommandSpec().addMixin(QuestionOptions.MIXIN, QuestionOptions.spec());
        }
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.table());
        cl.getSubcommands().values().forEach(c -> c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.table()));
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
