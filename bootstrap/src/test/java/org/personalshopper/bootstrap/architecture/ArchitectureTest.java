package org.personalshopper.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dependency rule holds for the real code of every module, and each rule fails when broken. */
class ArchitectureTest {
    private static final String FIXTURE = "org.personalshopper.bootstrap.architecture.badfixture";

    /** jOOQ's generated classes reference each other across packages by design; they are not ours to shape. */
    private static final ImportOption NOT_GENERATED = location -> !location.contains("/adapters/persistence/jooq/");

    /**
     * A module's test-jar (application's contract suites and fakes, on this module's test classpath) is test
     * code: DO_NOT_INCLUDE_TESTS knows test-classes folders, not the jar a full build packages them into.
     */
    private static final ImportOption NOT_A_TEST_JAR = location -> !location.contains("-tests.jar");

    private static JavaClasses production;
    private static JavaClasses badFixture;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(NOT_GENERATED)
                .withImportOption(NOT_A_TEST_JAR)
                .importPackages("org.personalshopper");
        badFixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    static List<ArchitectureRules.NamedRule> productionRules() {
        return new ArchitectureRules("org.personalshopper").all();
    }

    static List<ArchitectureRules.NamedRule> fixtureRules() {
        return new ArchitectureRules(FIXTURE).all();
    }

    @Test
    void everyModuleIsImported() {
        for (String module : List.of("domain", "application", "adapters.http", "adapters.kroger", "adapters.foodin",
                "adapters.persistence", "adapters.web", "sandbox.support", "sandbox.kroger", "sandbox.foodin", "bootstrap")) {
            assertThat(production.containPackage("org.personalshopper." + module))
                    .as("classes of " + module + " are checked").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionRules")
    void holdsForTheRealCode(ArchitectureRules.NamedRule rule) {
        rule.rule().check(production);
    }

    @ParameterizedTest(name = "{0} fails when broken")
    @MethodSource("fixtureRules")
    void failsOnTheBadFixture(ArchitectureRules.NamedRule rule) {
        assertThat(rule.rule().evaluate(badFixture).hasViolation())
                .as("the bad fixture breaks \"%s\", so the rule must report it", rule.name())
                .isTrue();
    }
}
