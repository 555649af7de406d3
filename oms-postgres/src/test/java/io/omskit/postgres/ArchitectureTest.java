package io.omskit.postgres;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guards the arrows of this module (DESIGN.md): a library on core, knowing neither the demo nor a test server. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omskit.postgres");
    }

    @Test
    void postgres_does_not_depend_on_the_examples() {
        noClasses().that().resideInAPackage("io.omskit.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.omskit.examples..")
                .check(classes);
    }

    @Test
    void postgres_depends_on_no_module_but_core() {
        noClasses().that().resideInAPackage("io.omskit.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omskit.orchestration..", "io.omskit.atp..",
                        "io.omskit.testkit..", "io.omskit.benchmarks..")
                .check(classes);
    }

    @Test
    void postgres_main_code_starts_no_embedded_server() {
        noClasses().that().resideInAPackage("io.omskit.postgres..")
                .should().dependOnClassesThat().resideInAPackage("io.zonky..")
                .check(classes);
    }
}
