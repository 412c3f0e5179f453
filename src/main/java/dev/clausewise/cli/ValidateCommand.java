package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.source.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check policies (load, check, compile, build) and print file:line:col: code: message for each finding.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Parameters(paramLabel = "POLICY", arity = "0..*", description = ExitCodes.POLICY_ARGS + " Default: every policy of the root.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<PolicyArgs> named = policies.resolvePolicies(args);
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<PolicyBuilder> builder = policies.builder(named.get().root(), System.out);
        if (builder.isEmpty()) {
            return ExitCodes.FAILED;
        }
        int errors = 0;
        int warnings = 0;
        for (PolicyArgs.Target t : named.get().policies()) {
            PolicyBuild b = builder.get().build(t.dir());
            for (Diagnostic d : b.diagnostics()) {
                System.out.println(d.format());
                if (d.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
            if (b.ok()) {
                System.out.println(b.id() + ": ok, " + b.policy().get().policy().statements().size() + " statements");
            }
        }
        System.out.println(named.get().policies().size() + " policies validated: " + errors + " errors, " + warnings + " warnings");
        return errors > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
