package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.source.Diagnostic;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compile", mixinStandardHelpOptions = true, description = "Compile a policy to DRL and build it.")
final class CompileCommand implements Callable<Integer> {
    @Mixin
    PoliciesOption policies;

    @Option(names = "--emit-drl", description = "Print the generated DRL.")
    boolean emitDrl;

    @Parameters(paramLabel = "POLICY", description = "One policy: " + ExitCodes.POLICY_ARGS)
    String policy;

    @Override
    public Integer call() {
        Optional<PolicyArgs> named = policies.one("POLICY", policy);
        if (named.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<PolicyBuilder> builder = policies.builder(named.get().root(), System.err);
        if (builder.isEmpty()) {
            return ExitCodes.FAILED;
        }
        PolicyBuild b = builder.get().build(named.get().policies().get(0).dir());
        b.diagnostics().stream().map(Diagnostic::format).forEach(System.err::println);
        if (!b.ok()) {
            return ExitCodes.FAILED;
        }
        if (emitDrl) {
            System.out.print(b.policy().get().drl().text());
        } else {
            System.out.println(b.id() + ": " + b.policy().get().knowledge().ruleCount() + " rules built, " + b.policy().get().ref().version());
        }
        return ExitCodes.OK;
    }
}
