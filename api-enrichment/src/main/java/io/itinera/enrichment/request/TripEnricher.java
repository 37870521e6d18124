package io.itinera.enrichment.request;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.context.PlanningContextBuilder;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.poi.Candidates;
import io.itinera.enrichment.poi.PointsOfInterest;
import io.itinera.events.Outcome;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.ProgressThrottle;
import io.itinera.events.trip.TripRequest;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Enriches one trip step by step, ending with exactly one completed event; after a step it reports progress only when
 * the throttle says the stage has run long enough for it to be worth a record. An unknown destination ends the trip
 * with a failure event; only technical errors escape, so that the listener retries.
 */
@Component
class TripEnricher {

    private static final Logger log = LoggerFactory.getLogger(TripEnricher.class);

    static final String GEONAMES = "geonames";
    static final String CURATED = "curated";

    private final DestinationResolver resolver;
    private final Destinations destinations;
    private final Catalog catalog;
    private final PointsOfInterest pointsOfInterest;
    private final PlanningContextBuilder contextBuilder;
    private final EventPublisher publisher;

    TripEnricher(
            DestinationResolver resolver,
            Destinations destinations,
            Catalog catalog,
            PointsOfInterest pointsOfInterest,
            PlanningContextBuilder contextBuilder,
            EventPublisher publisher) {
        this.resolver = resolver;
        this.destinations = destinations;
        this.catalog = catalog;
        this.pointsOfInterest = pointsOfInterest;
        this.contextBuilder = contextBuilder;
        this.publisher = publisher;
    }

    Outcome enrich(EnrichmentRequested requested, Headers causedBy, ProgressThrottle throttle) {
        String tripId = requested.tripId();
        TripRequest request = requested.request();
        Optional<CatalogDestination> resolved = resolver.resolve(request);
        if (resolved.isEmpty()) {
            log.info("No catalog destination for '{}' (id {})", request.destination(), request.destinationId());
            complete(EnrichmentCompleted.failed(tripId, UnknownDestination.of(request, catalog)), causedBy);
            return Outcome.FAILED;
        }
        CatalogDestination destination = resolved.get();
        progress(
                tripId,
                "destination-resolved",
                30,
                () -> "Destination resolved: %s, %s".formatted(destination.name(), destination.country()),
                throttle,
                causedBy);
        Candidates candidates = pointsOfInterest.of(destination);
        progress(
                tripId,
                "points-of-interest",
                70,
                () -> "Found %d points of interest in %s (%s)"
                        .formatted(
                                candidates.pois().size(),
                                destination.name(),
                                candidates.source().source()),
                throttle,
                causedBy);
        PlanningContext context = contextBuilder.build(
                request, destination, candidates, destinations.isCurated(destination) ? CURATED : GEONAMES);
        progress(
                tripId,
                "opening-hours",
                95,
                () -> "Opening hours worked out for %d days"
                        .formatted(context.days().size()),
                throttle,
                causedBy);
        complete(EnrichmentCompleted.succeeded(tripId, context), causedBy);
        log.info(
                "Enriched trip for {}: {} days, {} points of interest, {} warnings, fallbacks {}",
                destination.id(),
                context.days().size(),
                context.pois().size(),
                context.warnings().size(),
                context.sources() == null
                        ? "none"
                        : context.sources().stream()
                                .filter(source -> source.fallback())
                                .map(source -> source.part() + "=" + source.source())
                                .toList());
        return Outcome.SUCCEEDED;
    }

    private void progress(
            String tripId,
            String step,
            int percent,
            Supplier<String> message,
            ProgressThrottle throttle,
            Headers causedBy) {
        if (throttle.due()) {
            publisher.publishProgress(
                    Topics.ENRICHMENT_PROGRESS, EnrichmentProgress.of(tripId, step, percent, message.get()), causedBy);
        }
    }

    private void complete(EnrichmentCompleted completed, Headers causedBy) {
        publisher.publish(Topics.ENRICHMENT_COMPLETED, completed, causedBy);
    }
}
