package io.omskit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the arrows of DESIGN.md across every module on this classpath (this module depends on all of them).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.omskit");
    }

    @Test
    void no_package_takes_part_in_a_cycle() {
        // every package is a slice of its own, so a package and its subpackages may not depend on each other both ways
        slices().matching("io.omskit.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void core_depends_on_no_other_module() {
        noClasses().that().resideInAPackage("io.omskit.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.omskit.orchestration..", "io.omskit.atp..", "io.omskit.returns..", "io.omskit.testkit..",
                        "io.omskit.examples..", "io.omskit.benchmarks..")
                .check(classes);
    }

    @Test
    void orchestration_depends_only_on_core() {
        noClasses().that().resideInAPackage("io.omskit.orchestration..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.omskit.atp..", "io.omskit.returns..", "io.omskit.testkit..", "io.omskit.examples..",
                        "io.omskit.benchmarks..")
                .check(classes);
    }

    @Test
    void atp_depends_only_on_core_and_orchestration() {
        noClasses().that().resideInAPackage("io.omskit.atp..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.omskit.returns..", "io.omskit.testkit..", "io.omskit.examples..", "io.omskit.benchmarks..")
                .check(classes);
    }

    @Test
    void returns_depends_only_on_core() {
        noClasses().that().resideInAPackage("io.omskit.returns..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.omskit.orchestration..", "io.omskit.atp..", "io.omskit.testkit..", "io.omskit.examples..",
                        "io.omskit.benchmarks..")
                .check(classes);
    }

    @Test
    void library_modules_do_not_depend_on_postgres() {
        noClasses().that().resideInAnyPackage("io.omskit.core..", "io.omskit.orchestration..", "io.omskit.atp..",
                        "io.omskit.returns..", "io.omskit.testkit..")
                .should().dependOnClassesThat().resideInAPackage("io.omskit.postgres..")
                .check(classes);
    }

    @Test
    void no_module_uses_another_modules_internal_packages() {
        classes().should(new ArchCondition<JavaClass>("use internal packages only of their own module") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = module(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    String target = d.getTargetClass().getPackageName();
                    if (target.startsWith("io.omskit.") && target.contains(".internal") && !module(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(item, d.getDescription()));
                    }
                });
            }
        }).check(classes);
    }

    @Test
    void spi_packages_hold_only_interfaces_records_enums_and_the_spi_exception() {
        classes().that().resideInAPackage("..spi..")
                .and().areTopLevelClasses()
                .and(new DescribedPredicate<JavaClass>("are not package-info") {
                    @Override
                    public boolean test(JavaClass c) {
                        return !c.getSimpleName().equals("package-info");
                    }
                })
                .should(new ArchCondition<JavaClass>("be an interface, record, enum or SPI exception") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean ok = c.isInterface() || c.isRecord() || c.isEnum()
                                || c.isAssignableTo(io.omskit.core.spi.SpiException.class);
                        if (!ok) {
                            events.add(SimpleConditionEvent.violated(c, c.getName() + " is a class in an SPI package"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void domain_packages_use_no_infrastructure() {
        noClasses().that().resideInAnyPackage("io.omskit.core.order..", "io.omskit.core.inventory..",
                        "io.omskit.core.network..", "io.omskit.core.catalog..", "io.omskit.core.payment..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml.jackson..",
                        "io.omskit.core.inmemory..", "io.omskit.core.jackson..")
                .check(classes);
    }

    @Test
    void domain_code_never_reads_the_system_clock_directly() {
        noClasses().that().resideInAnyPackage("io.omskit.core..", "io.omskit.orchestration..", "io.omskit.atp..",
                        "io.omskit.returns..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }

    /** The module of a package: the segment after {@code io.omskit}. */
    private static String module(String pkg) {
        String rest = pkg.substring("io.omskit.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
