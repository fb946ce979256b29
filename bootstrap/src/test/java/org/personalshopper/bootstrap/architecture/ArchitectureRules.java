package org.personalshopper.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rule of the design page as ArchUnit rules, stated for any root package so that they
 * can be run against the real code and, to prove each one can fail, against a deliberately bad fixture.
 */
final class ArchitectureRules {
    /** Frameworks the core must never see. */
    static final String[] FRAMEWORKS = {"jakarta..", "javax.inject..", "org.glassfish..", "org.jooq..",
            "com.fasterxml..", "org.jvnet.hk2..", "org.flywaydb..", "com.zaxxer..", "org.slf4j..", "io.zonky.."};

    record NamedRule(String name, ArchRule rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    List<NamedRule> all() {
        return List.of(
                new NamedRule("domain depends on the JDK only", classes()
                        .that().resideInAPackage(root + ".domain..")
                        .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")),
                new NamedRule("application depends on domain and the JDK only", classes()
                        .that().resideInAPackage(root + ".application..")
                        .should().onlyDependOnClassesThat()
                        .resideInAnyPackage(root + ".application..", root + ".domain..", "java..")),
                new NamedRule("no framework in domain or application", noClasses()
                        .that().resideInAnyPackage(root + ".domain..", root + ".application..")
                        .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)),
                new NamedRule("adapters are independent of each other, sharing only the HTTP plumbing", slices()
                        .matching(root + ".adapters.(*)..")
                        .should().notDependOnEachOther()
                        .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(root + ".adapters.http.."))),
                new NamedRule("the shared HTTP plumbing depends on no provider's adapter", noClasses()
                        .that().resideInAPackage(root + ".adapters.http..")
                        .should().dependOnClassesThat(resideInAPackage(root + ".adapters..")
                                .and(not(resideInAPackage(root + ".adapters.http..")))
                                .as("are in another adapter"))),
                new NamedRule("only the bootstrap wires: nothing depends on it", noClasses()
                        .that().resideOutsideOfPackage(root + ".bootstrap..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")),
                new NamedRule("use cases and ports do not depend on their implementations", noClasses()
                        .that().resideInAPackage(root + ".application.port..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")),
                new NamedRule("outgoing ports do not depend on use cases", noClasses()
                        .that().resideInAPackage(root + ".application.port.out..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".application.port.in..")),
                new NamedRule("use cases do not depend on outgoing ports", noClasses()
                        .that().resideInAPackage(root + ".application.port.in..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".application.port.out..")),
                new NamedRule("the web adapter sees only the use cases and the domain of the core", noClasses()
                        .that().resideInAPackage(root + ".adapters.web..")
                        .should().dependOnClassesThat().resideInAnyPackage(
                                root + ".application.port.out..", root + ".application.service..")),
                new NamedRule("driven adapters do not depend on use cases", noClasses()
                        .that().resideInAPackage(root + ".adapters..")
                        .and().resideOutsideOfPackage(root + ".adapters.web..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".application.port.in..")),
                new NamedRule("no adapter uses a sandbox", noClasses()
                        .that().resideInAPackage(root + ".adapters..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".sandbox..")),
                new NamedRule("a sandbox knows nothing of the service", noClasses()
                        .that().resideInAPackage(root + ".sandbox..")
                        .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".application..",
                                root + ".adapters..", root + ".bootstrap..")),
                new NamedRule("no cycles between packages", slices()
                        .matching(root + ".(**)")
                        .should().beFreeOfCycles()));
    }
}
