package dev.clausewise.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering, pinned: each package owns one step of the pipeline (load, check, compile, build, evaluate, explain,
 * then the tools and the two front ends) and depends only on earlier ones; the frameworks stay in the package that
 * owns them.
 */
class LayeringTest {
    /**
     * The packages in pipeline order. Read from the code: vocabulary and policy are loaded (on source), queries are
     * normalized against them, check validates, compiler writes DRL, engine builds and fires it, reference is the
     * engine-free evaluator the engine is tested against, explain turns firings into decisions, catalog runs the
     * pipeline per policy, analysis, scenario and decisionlog use answered questions, wire is the JSON both front
     * ends speak, api serves it, cli is the command line (whose serve starts the api).
     */
    static final List<String> ORDER = List.of("source", "vocabulary", "policy", "query", "check", "compiler", "engine", "reference",
            "explain", "catalog", "analysis", "scenario", "decisionlog", "wire", "api", "cli");

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.clausewise");

    @Test
    void noPackageDependsOnALaterStage() {
        for (int i = 0; i < ORDER.size() - 1; i++) {
            String[] later = ORDER.subList(i + 1, ORDER.size()).stream().map(p -> "dev.clausewise." + p + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.clausewise." + ORDER.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .because("the " + ORDER.get(i) + " step runs before " + String.join(", ", ORDER.subList(i + 1, ORDER.size())))
                    .check(MAIN);
        }
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        noClasses().should().resideOutsideOfPackages(ORDER.stream().map(p -> "dev.clausewise." + p + "..").toArray(String[]::new))
                .because("a new package takes its place in LayeringTest.ORDER").check(MAIN);
    }

    @Test
    void onlyTheEngineUsesDrools() {
        noClasses().that().resideOutsideOfPackage("dev.clausewise.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .because("the engine package owns Drools; every other step sees its own types").check(MAIN);
    }

    @Test
    void onlyTheApiUsesMicronautHttp() {
        noClasses().that().resideOutsideOfPackage("dev.clausewise.api..")
                .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..")
                .because("the api package owns HTTP").check(MAIN);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.clausewise.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("the cli package owns the command line").check(MAIN);
    }
}
