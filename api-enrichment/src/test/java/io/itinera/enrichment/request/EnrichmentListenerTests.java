package io.itinera.enrichment.request;

import io.itinera.events.TopicNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.Topics;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EnrichmentListenerTests {

    private final TripEnricher enricher = mock(TripEnricher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EnrichmentListener listener = new EnrichmentListener(enricher, meters);

    @Test
    void putsTripAndRequestIdsInTheLogContextWhileHandlingThenClearsThem() {
        // given
        Map<String, String> seen = new HashMap<>();
        when(enricher.enrich(any(), any())).thenAnswer(call -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return Outcome.SUCCEEDED;
        });

        // when
        listener.on(record("trip-7", "req-42"));

        // then
        assertThat(seen).containsEntry("tripId", "trip-7").containsEntry("requestId", "req-42");
        assertThat(MDC.get("tripId")).isNull();
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void timesTheStageTaggedWithItsOutcome() {
        when(enricher.enrich(any(), any())).thenReturn(Outcome.SUCCEEDED, Outcome.FAILED);

        listener.on(record("trip-1", "req-1"));
        listener.on(record("trip-2", "req-2"));

        assertThat(timer("succeeded").count()).isEqualTo(1);
        assertThat(timer("failed").count()).isEqualTo(1);
    }

    @Test
    void anErrorIsTimedAsFailedAndLeavesTheLogContextClean() {
        when(enricher.enrich(any(), any())).thenThrow(new IllegalStateException("broker gone"));

        assertThatThrownBy(() -> listener.on(record("trip-3", "req-3"))).hasMessage("broker gone");

        assertThat(timer("failed").count()).isEqualTo(1);
        assertThat(MDC.get("tripId")).isNull();
    }

    @Test
    void skipsARecordWithoutValue() {
        listener.on(new ConsumerRecord<>(TopicNames.ENRICHMENT_REQUEST, 0, 0, "trip-4", null));

        verifyNoInteractions(enricher);
    }

    private Timer timer(String outcome) {
        return meters.get(EnrichmentListener.STAGE_TIMER)
                .tag("stage", "enrichment")
                .tag("outcome", outcome)
                .timer();
    }

    private static ConsumerRecord<String, EnrichmentRequested> record(String tripId, String requestId) {
        TripRequest request = TripRequests.lisbon()
                .travelers(1)
                .interests(List.of())
                .pace(Pace.RELAXED)
                .budget(Budget.LOW)
                .build();
        ConsumerRecord<String, EnrichmentRequested> record =
                new ConsumerRecord<>(TopicNames.ENRICHMENT_REQUEST, 0, 0, tripId, EnrichmentRequested.of(tripId, request));
        Headers headers = record.headers();
        EventHeaders.replace(headers, EventHeaders.REQUEST_ID, requestId);
        return record;
    }
}
