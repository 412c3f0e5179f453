package dev.clausewise.cli;

import dev.clausewise.api.Server;
import java.nio.file.Path;
import java.util.Arrays;
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
        boolean serving = serving(args);
        if (serving) {
            Server.prefetch();
        }
        int code = serving ? serveCommandLine().execute(Arrays.copyOfRange(args, 1, args.length))
                : commandLine(Builders.FRESH).execute(args);
        if (code != 0 || !ServeCommand.serving()) {
            System.exit(code);
        }
    }

    /**
     * {@code serve} without a help or version option: only its own command is built, since building every command's
     * options (picocli reads them all by reflection) is a tenth of the service's start; help is the full tree's.
     */
    private static boolean serving(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return false;
        }
        return Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
    }

    private static CommandLine serveCommandLine() {
        CommandLine cl = new CommandLine(ServeCommand.class, factory(Builders.FRESH, Path.of("")));
        cl.setCommandName("clausewise serve");
        return cl;
    }

    /** Makes the commands' parts, the shared policy options with {@code builders} and {@code cwd}. */
    private static CommandLine.IFactory factory(Builders builders, Path cwd) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == PoliciesOption.class ? (K) new PoliciesOption(builders, cwd) : defaults.create(type);
            }
        };
    }

    /** The command line whose commands take their policy builders from {@code builders}, in the process's working directory. */
    public static CommandLine commandLine(Builders builders) {
        return commandLine(builders, Path.of(""));
    }

    /** The command line of a caller in {@code cwd}: policy arguments resolve from there. */
    public static CommandLine commandLine(Builders builders, Path cwd) {
        CommandLine cl = new CommandLine(new Main(), factory(builders, cwd));
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
