package io.itinera.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the gateway's features apart: no cycles, and the sagas know nothing of HTTP. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.itinera.gateway");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCycles() {
        slices().matching("io.itinera.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theSagasKnowNothingOfTheHttpApi() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.saga..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..gateway.trip..",
                        "..gateway.proposal..",
                        "..gateway.live..",
                        "..gateway.security..",
                        "..gateway.state..",
                        "..gateway.problem..",
                        "org.springframework.http..",
                        "org.springframework.web..",
                        "reactor..")
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..gateway.trip..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.proposal..", "..gateway.destination..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..gateway.proposal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..gateway.trip..", "..gateway.destination..")
                .check(CLASSES);
    }
}
