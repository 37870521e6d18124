package io.itinera.generation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of the design: the planning model, the feasibility rules, the planners, the search engine. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.itinera.generation");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCycles() {
        slices().matching("io.itinera.generation.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void planningKnowsNothingOfKafkaOrOfTheOtherFeatures() {
        noClasses()
                .that()
                .resideInAnyPackage("..generation.planning..", "..generation.feasibility..", "..generation.planners..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka..",
                        "org.springframework.kafka..",
                        "io.itinera.events.kafka..",
                        "..generation.request..",
                        "..generation.proposal..",
                        "..generation.system..")
                .check(CLASSES);
    }

    @Test
    void theModelKnowsNeitherThePlannersNorTheRules() {
        noClasses()
                .that()
                .resideInAPackage("..generation.planning..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..generation.planners..", "..generation.feasibility..", "..generation.search..")
                .check(CLASSES);
    }

    @Test
    void theFeasibilityCheckIsIndependentOfHowAPlanWasMade() {
        noClasses()
                .that()
                .resideInAPackage("..generation.feasibility..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..generation.planners..", "..generation.search..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..generation.planners..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..generation.feasibility..")
                .check(CLASSES);
    }

    @Test
    void rulesAndPlannersShowOnlyTheirEntryPoints() {
        classes()
                .that()
                .resideInAPackage("..generation.feasibility..")
                .and()
                .arePublic()
                .should()
                .haveSimpleName("FeasibilityCheck")
                .check(CLASSES);
        classes()
                .that()
                .resideInAPackage("..generation.planners..")
                .and()
                .arePublic()
                .should()
                .haveSimpleName("Planners")
                .check(CLASSES);
    }
}
