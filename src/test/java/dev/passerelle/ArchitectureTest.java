package dev.passerelle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package structure the README's code map describes, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.passerelle");
    }

    @Test
    void packagesHaveNoCycles() {
        // (**): every package its own slice, so model and model.fetch may not cycle either.
        slices().matching("dev.passerelle.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void configDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.passerelle.config..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.passerelle.config..", "java..", "io.smallrye..", "jakarta.validation..")
                .check(classes);
    }

    @Test
    void pipelineStagesDoNotReachForTheService() {
        // The stages are plain Java: the service (CDI, lifecycle) wires them, never the other way round.
        noClasses().that().resideInAnyPackage("dev.passerelle.text..", "dev.passerelle.tokenize..",
                        "dev.passerelle.translate..", "dev.passerelle.summarize..", "dev.passerelle.clean..",
                        "dev.passerelle.model..", "dev.passerelle.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.passerelle.service..", "dev.passerelle.api..")
                .check(classes);
    }
}
