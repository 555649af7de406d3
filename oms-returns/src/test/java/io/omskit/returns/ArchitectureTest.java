package io.omskit.returns;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md as far as the returns module is concerned. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omskit.returns");
    }

    @Test
    void no_package_of_returns_takes_part_in_a_cycle() {
        slices().matching("io.omskit.returns.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void returns_depends_on_core_only() {
        noClasses().that().resideInAPackage("io.omskit.returns..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omskit.orchestration..", "io.omskit.atp..",
                        "io.omskit.testkit..", "io.omskit.postgres..", "io.omskit.examples..", "io.omskit.benchmarks..",
                        "io.omskit.core..internal..")
                .check(classes);
    }

    @Test
    void the_domain_packages_use_no_infrastructure() {
        noClasses().that().resideInAnyPackage("io.omskit.returns.rma..", "io.omskit.returns.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.fasterxml.jackson..", "io.omskit.core.inmemory..",
                        "io.omskit.core.jackson..", "io.omskit.returns.inmemory..", "io.omskit.returns.spi..")
                .check(classes);
    }

    @Test
    void the_spi_holds_only_interfaces_records_and_enums() {
        classes().that().resideInAPackage("io.omskit.returns.spi..").and().doNotHaveSimpleName("package-info")
                .should().beInterfaces().orShould().beRecords().orShould().beEnums()
                .check(classes);
    }

    @Test
    void returns_never_read_the_system_clock() {
        noClasses().that().resideInAPackage("io.omskit.returns..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
