package io.itinera.enrichment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the feature packages acyclic and the cross-cutting wiring out of the features. */
@AnalyzeClasses(packages = "io.itinera.enrichment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("io.itinera.enrichment.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresDoNotReachIntoSystemWiring = noClasses()
            .that()
            .resideOutsideOfPackage("io.itinera.enrichment.system..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.itinera.enrichment.system..");

    @ArchTest
    static final ArchRule openingHoursKnowNothingOfTheRestOfTheService = noClasses()
            .that()
            .resideInAPackage("io.itinera.enrichment.hours..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.itinera.enrichment.catalog..",
                    "io.itinera.enrichment.context..",
                    "io.itinera.enrichment.request..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule onlyTheRequestFeatureTalksToKafka = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.itinera.enrichment.catalog..",
                    "io.itinera.enrichment.hours..",
                    "io.itinera.enrichment.context..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.itinera.events.kafka..");
}
