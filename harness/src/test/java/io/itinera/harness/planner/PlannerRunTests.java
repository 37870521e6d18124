package io.itinera.harness.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.trip.TripRequest;
import io.itinera.generation.feasibility.FeasibilityCheck;
import io.itinera.generation.planners.Planners;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.harness.mix.TripMix;
import io.itinera.harness.mix.TripSpec;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlannerRunTests {

    @Test
    void theServicesOwnSettingsAreBound() throws Exception {
        assertThat(PlannerRun.generationProperties()).isEqualTo(GenerationProperties.defaults());
    }

    @Test
    void enrichmentsOwnBuilderGivesContextsTheProductionPlannerPlansFeasibly() throws Exception {
        GenerationProperties properties = PlannerRun.generationProperties();
        try (EnrichmentContexts enrichment = new EnrichmentContexts()) {
            for (TripSpec trip : new TripMix(5, LocalDate.now()).take(3)) {
                TripRequest request = trip.toRequest();
                PlanningContext context = enrichment.contextFor(request);

                Itinerary itinerary = Planners.of(properties).plan(request, context, (day, number, total) -> {});

                assertThat(context.destination().id()).isEqualTo(trip.destinationId());
                assertThat(context.days()).hasSize(trip.days());
                assertThat(itinerary.days()).hasSize(trip.days());
                assertThat(new FeasibilityCheck(properties).violations(itinerary, request, context))
                        .isEmpty();
            }
        }
    }
}
