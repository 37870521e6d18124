package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class StageHandlerTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StageHandler stages = new StageHandler(meters);

    @Test
    void putsTheKeyAndRequestIdInTheLogContextWhileHandlingThenClearsThem() {
        Map<String, String> seen = new HashMap<>();

        stages.handle(record("trip-7", "req-42"), Stage.ENRICHMENT, value -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return Outcome.SUCCEEDED;
        });

        assertThat(seen).containsEntry("tripId", "trip-7").containsEntry("requestId", "req-42");
        assertThat(MDC.get("tripId")).isNull();
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void aProposalsKeyIsLoggedAsAProposalId() {
        Map<String, String> seen = new HashMap<>();

        stages.handle(record("proposal-1", "req-1"), Stage.PROPOSAL, value -> {
            seen.putAll(MDC.getCopyOfContextMap());
            return Outcome.SUCCEEDED;
        });

        assertThat(seen).containsEntry("proposalId", "proposal-1").doesNotContainKey("tripId");
    }

    @Test
    void timesTheStageTaggedWithItsOutcome() {
        stages.handle(record("trip-1", "req-1"), Stage.GENERATION, value -> Outcome.SUCCEEDED);
        stages.handle(record("trip-2", "req-2"), Stage.GENERATION, value -> Outcome.FAILED);

        assertThat(timer("generation", "succeeded").count()).isEqualTo(1);
        assertThat(timer("generation", "failed").count()).isEqualTo(1);
    }

    @Test
    void anErrorIsTimedAsFailedReachesTheErrorHandlerAndLeavesTheLogContextClean() {
        assertThatThrownBy(() -> stages.handle(record("trip-3", "req-3"), Stage.ENRICHMENT, value -> {
                    throw new IllegalStateException("broker gone");
                }))
                .hasMessage("broker gone");

        assertThat(timer("enrichment", "failed").count()).isEqualTo(1);
        assertThat(MDC.get("tripId")).isNull();
    }

    @Test
    void aRecordWithoutValueIsRejectedAsNotRetryableSoItIsDeadLettered() {
        ConsumerRecord<String, String> empty = new ConsumerRecord<>("travel-enrichment.request", 0, 4, "trip-4", null);

        assertThatThrownBy(() -> stages.handle(empty, Stage.ENRICHMENT, value -> Outcome.SUCCEEDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset=4");
        assertThat(meters.find(StageHandler.TIMER).timers()).isEmpty();
    }

    private Timer timer(String stage, String outcome) {
        return meters.get(StageHandler.TIMER)
                .tag("stage", stage)
                .tag("outcome", outcome)
                .timer();
    }

    private static ConsumerRecord<String, String> record(String key, String requestId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("travel-enrichment.request", 0, 0, key, "value");
        EventHeaders.replace(record.headers(), EventHeaders.REQUEST_ID, requestId);
        return record;
    }
}
