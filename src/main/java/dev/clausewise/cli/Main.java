package dev.clausewise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The clausewise command: one jar for the service and the authoring tools. Exit codes: 0 ok, 1 failures, 2 usage. */
@Command(name = "clausewise", mixinStandardHelpOptions = true, version = "clausewise 0.1.0",
        description = "Privacy policies as code: decisions with explanations that quote the policy.",
        subcommands = {ServeCommand.class, DecideCommand.class, ValidateCommand.class, CompileCommand.class, TestCommand.class,
                LintCommand.class, DiffCommand.class, CompareCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || !ServeCommand.serving()) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
