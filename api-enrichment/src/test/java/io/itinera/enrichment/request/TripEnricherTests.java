package io.itinera.enrichment.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.context.TestContexts;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.poi.PoiProperties;
import io.itinera.enrichment.poi.PointsOfInterest;
import io.itinera.enrichment.provider.Providers;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.Outcome;
import io.itinera.events.TopicNames;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TripEnricherTests {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final TripEnricher enricher = enricher(publisher);

    @Test
    void reportsThreeStepsThenSucceedsWithTheContext() {
        // when
        Outcome outcome = enricher.enrich(requested("trip-1", "Lisboa", null), new RecordHeaders());

        // then
        assertThat(outcome).isEqualTo(Outcome.SUCCEEDED);
        assertThat(publisher.published)
                .extracting(RecordingPublisher.Published::topic)
                .containsExactly(
                        TopicNames.ENRICHMENT_PROGRESS,
                        TopicNames.ENRICHMENT_PROGRESS,
                        TopicNames.ENRICHMENT_PROGRESS,
                        TopicNames.ENRICHMENT_COMPLETED);
        assertThat(publisher.published.subList(0, 3))
                .extracting(p -> ((EnrichmentProgress) p.event()).progress())
                .extracting(step -> step.step(), step -> step.percent())
                .containsExactly(
                        tuple("destination-resolved", 30), tuple("points-of-interest", 70), tuple("opening-hours", 95));
        EnrichmentCompleted completed =
                (EnrichmentCompleted) publisher.published.get(3).event();
        assertThat(completed.tripId()).isEqualTo("trip-1");
        assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(completed.context()).isNotNull();
        assertThat(completed.context().destination().id()).isEqualTo("lisbon");
        assertThat(completed.context().days()).hasSize(3);
        assertThat(completed.context().pois()).hasSize(3);
    }

    @Test
    void anUnknownDestinationEndsInAFailedCompletionWithoutProgress() {
        // when
        Outcome outcome = enricher.enrich(requested("trip-2", "Atlantis", null), new RecordHeaders());

        // then
        assertThat(outcome).isEqualTo(Outcome.FAILED);
        assertThat(publisher.published).singleElement().satisfies(p -> {
            assertThat(p.topic()).isEqualTo(TopicNames.ENRICHMENT_COMPLETED);
            EnrichmentCompleted completed = (EnrichmentCompleted) p.event();
            assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(completed.context()).isNull();
            assertThat(completed.failure()).isNotNull();
            assertThat(completed.failure().code()).isEqualTo("unknown-destination");
            assertThat(completed.failure().reason())
                    .isEqualTo("No destination matches 'Atlantis'. Known destinations include "
                            + "Paris, Lisbon, Porto, Paris, Málaga, São Paulo.");
        });
    }

    @Test
    void anUnknownPinnedIdIsNamedInTheFailure() {
        enricher.enrich(requested("trip-3", "Lisbon", "lisbon-2"), new RecordHeaders());

        EnrichmentCompleted completed =
                (EnrichmentCompleted) publisher.published.get(0).event();
        assertThat(completed.failure()).isNotNull();
        assertThat(completed.failure().reason()).startsWith("No destination has the id 'lisbon-2'.");
    }

    private static TripEnricher enricher(RecordingPublisher publisher) {
        Catalog catalog = TestCatalogs.fixture();
        Destinations destinations = new Destinations(catalog.destinations(), List.of());
        Providers providers = TestProviders.offline();
        return new TripEnricher(
                new DestinationResolver(destinations),
                destinations,
                catalog,
                PointsOfInterest.of(catalog, Map.of(), providers, new PoiProperties(null, 5000, 60)),
                TestContexts.builder(Clock.systemUTC(), providers),
                publisher);
    }

    private static EnrichmentRequested requested(String tripId, String destination, @Nullable String destinationId) {
        return EnrichmentRequested.of(
                tripId,
                TripRequests.to(destination).destinationId(destinationId).build());
    }
}
