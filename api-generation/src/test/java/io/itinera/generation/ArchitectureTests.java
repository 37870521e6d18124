package io.itinera.generation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.itinera.generation");

    @Test
    void featurePackagesDoNotDependOnEachOtherInCycles() {
        slices().matching("io.itinera.generation.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void planningKnowsNothingOfKafkaOrOfTheOtherFeatures() {
        noClasses()
                .that()
                .resideInAPackage("..generation.planning..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.kafka..",
                        "org.springframework.kafka..",
                        "io.itinera.events.kafka..",
                        "..generation.request..",
                        "..generation.system..")
                .check(classes);
    }
}
