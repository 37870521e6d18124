package io.itinera.enrichment.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.context.TestContexts;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.poi.TestPlaces;
import io.itinera.enrichment.provider.Providers;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.Outcome;
import io.itinera.events.RecordingPublisher;
import io.itinera.events.TopicNames;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.kafka.ProgressThrottle;
import io.itinera.events.trip.ContextSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TripEnricherTests {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final TripEnricher enricher = enricher(publisher);

    /** The throttle's clock: it moves only when a test says the enrichment took time. */
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aSlowEnrichmentReportsThreeStepsThenSucceedsWithTheContext() {
        // given: every step takes longer than the progress interval
        ProgressThrottle slow = new ProgressThrottle(
                INTERVAL, () -> nanos.addAndGet(INTERVAL.plusMillis(50).toNanos()));

        // when
        Outcome outcome = enricher.enrich(requested("trip-1", "Lisboa", null), new RecordHeaders(), slow);

        // then
        assertThat(outcome).isEqualTo(Outcome.SUCCEEDED);
        assertThat(publisher.published)
                .extracting(RecordingPublisher.Published::topic, RecordingPublisher.Published::acknowledged)
                .as("progress is sent without waiting, the completion only once acknowledged")
                .containsExactly(
                        tuple(TopicNames.ENRICHMENT_PROGRESS, false),
                        tuple(TopicNames.ENRICHMENT_PROGRESS, false),
                        tuple(TopicNames.ENRICHMENT_PROGRESS, false),
                        tuple(TopicNames.ENRICHMENT_COMPLETED, true));
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
        // the summary the gateway reads instead of the whole context
        assertThat(completed.summary()).isEqualTo(ContextSummary.of(completed.context()));
        assertThat(completed.summary().candidatePois()).isEqualTo(3);
    }

    @Test
    void aFastEnrichmentSendsOnlyItsCompletion() {
        // when: no time passes on the throttle's clock
        Outcome outcome = enricher.enrich(requested("trip-4", "Lisboa", null), new RecordHeaders(), fast());

        // then
        assertThat(outcome).isEqualTo(Outcome.SUCCEEDED);
        assertThat(publisher.published).singleElement().satisfies(p -> {
            assertThat(p.topic()).isEqualTo(TopicNames.ENRICHMENT_COMPLETED);
            assertThat(p.acknowledged()).isTrue();
            assertThat(((EnrichmentCompleted) p.event()).context()).isNotNull();
        });
    }

    @Test
    void anUnknownDestinationEndsInAFailedCompletionWithoutProgress() {
        // when: even a slow one reports no step it did not reach
        Outcome outcome = enricher.enrich(
                requested("trip-2", "Atlantis", null),
                new RecordHeaders(),
                new ProgressThrottle(Duration.ZERO, nanos::get));

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
        enricher.enrich(requested("trip-3", "Lisbon", "lisbon-2"), new RecordHeaders(), fast());

        EnrichmentCompleted completed =
                (EnrichmentCompleted) publisher.published.get(0).event();
        assertThat(completed.failure()).isNotNull();
        assertThat(completed.failure().reason()).startsWith("No destination has the id 'lisbon-2'.");
    }

    private ProgressThrottle fast() {
        return new ProgressThrottle(INTERVAL, nanos::get);
    }

    private static TripEnricher enricher(RecordingPublisher publisher) {
        Catalog catalog = TestCatalogs.fixture();
        Destinations destinations = new Destinations(catalog.destinations(), List.of());
        Providers providers = TestProviders.offline();
        return new TripEnricher(
                new DestinationResolver(destinations),
                destinations,
                catalog,
                TestPlaces.of(catalog, providers),
                TestContexts.builder(Clock.systemUTC(), providers),
                publisher);
    }

    private static EnrichmentRequested requested(String tripId, String destination, @Nullable String destinationId) {
        return EnrichmentRequested.of(
                tripId,
                TripRequests.to(destination).destinationId(destinationId).build());
    }
}
