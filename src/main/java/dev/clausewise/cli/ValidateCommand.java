package dev.clausewise.cli;

import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Policy folders or policy.yaml files (default: every policy under --policies).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<PolicyBuilder> builder = policies.builder(System.out);
        if (builder.isEmpty()) {
            return 1;
        }
        List<Path> dirs = paths.isEmpty() ? PolicyCatalog.policyDirs(policies.policies)
                : paths.stream().map(p -> Files.isRegularFile(p) ? Optional.ofNullable(p.getParent()).orElse(Path.of(".")) : p).toList();
        int errors = 0;
        int warnings = 0;
        for (Path dir : dirs) {
            PolicyBuild b = builder.get().build(dir);
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
        System.out.println(dirs.size() + " policies validated: " + errors + " errors, " + warnings + " warnings");
        return errors > 0 ? 1 : 0;
    }
}
