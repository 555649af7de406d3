package io.omskit.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arrows of DESIGN.md as far as the reporting module is concerned. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omskit.reporting");
    }

    @Test
    void no_package_of_reporting_takes_part_in_a_cycle() {
        slices().matching("io.omskit.reporting.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void reporting_depends_on_core_and_returns_only() {
        noClasses().that().resideInAPackage("io.omskit.reporting..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omskit.orchestration..", "io.omskit.atp..",
                        "io.omskit.testkit..", "io.omskit.postgres..", "io.omskit.examples..", "io.omskit.benchmarks..",
                        "io.omskit.core..internal..", "java.sql..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void reporting_never_reads_the_system_clock() {
        noClasses().that().resideInAPackage("io.omskit.reporting..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void projections_know_nothing_of_the_measures_and_their_output() {
        noClasses().that().resideInAPackage("io.omskit.reporting.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omskit.reporting.measure..", "io.omskit.reporting.export..",
                        "io.omskit.reporting.html..", "io.omskit.reporting.micrometer..")
                .check(classes);
    }

    @Test
    void measures_know_nothing_of_their_output() {
        noClasses().that().resideInAPackage("io.omskit.reporting.measure..")
                .should().dependOnClassesThat().resideInAnyPackage("io.omskit.reporting.export..", "io.omskit.reporting.html..",
                        "io.omskit.reporting.micrometer..", "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void only_the_micrometer_package_uses_micrometer_which_is_optional() {
        noClasses().that().resideOutsideOfPackage("io.omskit.reporting.micrometer..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }
}
