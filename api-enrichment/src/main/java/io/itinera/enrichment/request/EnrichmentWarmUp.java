package io.itinera.enrichment.request;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.context.PlanningContextBuilder;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.poi.Candidates;
import io.itinera.enrichment.poi.PointsOfInterest;
import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.kafka.Rehearsal;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rehearses a few enrichments, from the request's bytes to the completion's, before the listeners poll (issue 11). A
 * replica that comes back mid-burst is handed its partitions the moment its consumers join; in a cold JVM the first
 * poll's lookups (class loading, interpreted code, data read on first use) held such a partition for seconds (chaos
 * kill-enrichment, session 9: 7–8 s). The trips go to curated destinations a year ahead with no traveller currency,
 * so that no live provider is asked; nothing is published.
 */
@Component
class EnrichmentWarmUp extends Rehearsal {

    private final Catalog catalog;
    private final DestinationResolver resolver;
    private final PointsOfInterest pointsOfInterest;
    private final PlanningContextBuilder contextBuilder;
    private final Clock clock;
    private final WarmUpProperties properties;

    EnrichmentWarmUp(
            Catalog catalog,
            DestinationResolver resolver,
            PointsOfInterest pointsOfInterest,
            PlanningContextBuilder contextBuilder,
            Clock clock,
            WarmUpProperties properties) {
        super("enrichments");
        this.catalog = catalog;
        this.resolver = resolver;
        this.pointsOfInterest = pointsOfInterest;
        this.contextBuilder = contextBuilder;
        this.clock = clock;
        this.properties = properties;
    }

    /** Enriches the configured number of trips, round-robin over the curated destinations that have places. */
    @Override
    protected int rehearse() {
        List<CatalogDestination> destinations = catalog.destinations().stream()
                .filter(destination -> pointsOfInterest.offline().contains(destination.id()))
                .toList();
        if (destinations.isEmpty()) {
            return 0;
        }
        LocalDate start = LocalDate.now(clock).plusYears(1);
        int enriched = 0;
        for (int i = 0; i < properties.trips(); i++) {
            CatalogDestination destination = destinations.get(i % destinations.size());
            TripRequest request = request(destination, start.plusDays(i % 7), 1 + i % 5);
            EnrichmentRequested requested = asReceived(
                    TopicNames.ENRICHMENT_REQUEST,
                    EnrichmentRequested.of("warm-up-" + i, request),
                    EnrichmentRequested.class);
            Optional<PlanningContext> context = contextOf(requested.request());
            if (context.isPresent()) {
                writeOut(
                        TopicNames.ENRICHMENT_COMPLETED,
                        EnrichmentCompleted.succeeded(requested.tripId(), context.get()));
                enriched++;
            }
        }
        return enriched;
    }

    private Optional<PlanningContext> contextOf(TripRequest request) {
        return resolver.resolve(request).map(destination -> {
            Candidates candidates = pointsOfInterest.of(destination);
            return contextBuilder.build(request, destination, candidates, TripEnricher.CURATED);
        });
    }

    private static TripRequest request(CatalogDestination destination, LocalDate start, int days) {
        return new TripRequest(
                destination.name(),
                destination.id(),
                start,
                start.plusDays(days - 1L),
                2,
                List.of(Interest.values()),
                Pace.MODERATE,
                Budget.MEDIUM,
                null,
                null,
                null,
                null);
    }
}
