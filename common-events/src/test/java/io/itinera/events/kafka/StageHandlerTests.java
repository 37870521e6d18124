package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

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

    @Test
    void aRequestSentAgainForAKeyJustHandledIsDroppedAndCounted() {
        AtomicInteger runs = new AtomicInteger();
        stages.handle(record("trip-5", "req-5"), Stage.ENRICHMENT, value -> counted(runs));

        stages.handle(resent(record("trip-5", "req-5")), Stage.ENRICHMENT, value -> counted(runs));

        assertThat(runs).hasValue(1);
        assertThat(resentCount("enrichment", "dropped")).isEqualTo(1);
        assertThat(MDC.get("tripId")).isNull();
    }

    @Test
    void aRequestSentAgainLongAfterTheFirstWasHandledIsHandledAgainForTheFirstAnswerWasLost() {
        AtomicInteger runs = new AtomicInteger();
        stages.handle(record("trip-11", "req-11"), Stage.ENRICHMENT, value -> counted(runs));
        long writtenLater = System.currentTimeMillis() + Duration.ofSeconds(20).toMillis();

        stages.handle(resent(recordAt("trip-11", writtenLater)), Stage.ENRICHMENT, value -> counted(runs));

        assertThat(runs).hasValue(2);
        assertThat(resentCount("enrichment", "handled")).isEqualTo(1);
    }

    @Test
    void aRequestSentAgainWhoseFirstNeverArrivedIsHandled() {
        AtomicInteger runs = new AtomicInteger();

        stages.handle(resent(record("trip-6", "req-6")), Stage.ENRICHMENT, value -> counted(runs));
        stages.handle(resent(record("trip-6", "req-6")), Stage.ENRICHMENT, value -> counted(runs));

        assertThat(runs)
                .as("the second copy is dropped: the first one was handled")
                .hasValue(1);
        assertThat(resentCount("enrichment", "handled")).isEqualTo(1);
        assertThat(resentCount("enrichment", "dropped")).isEqualTo(1);
    }

    @Test
    void aRequestNotSentAgainIsNeverDropped() {
        AtomicInteger runs = new AtomicInteger();

        stages.handle(record("trip-8", "req-8"), Stage.GENERATION, value -> counted(runs));
        stages.handle(record("trip-8", "req-8"), Stage.GENERATION, value -> counted(runs));
        stages.handle(resent(record("trip-8", "req-8")), Stage.ENRICHMENT, value -> counted(runs));

        assertThat(runs)
                .as("a replay is the error handler's business; another stage's key is another request")
                .hasValue(3);
    }

    @Test
    void aKeyCountsAsHandledOnlyOnceItsTransactionCommitted() {
        AtomicInteger runs = new AtomicInteger();
        TransactionSynchronizationManager.initSynchronization();
        try {
            stages.handle(record("trip-9", "req-9"), Stage.ENRICHMENT, value -> counted(runs));
            stages.handle(resent(record("trip-9", "req-9")), Stage.ENRICHMENT, value -> counted(runs));
            assertThat(runs)
                    .as("not committed yet: the first run may still roll back")
                    .hasValue(2);

            TransactionSynchronizationUtils.triggerAfterCommit();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        stages.handle(resent(record("trip-9", "req-9")), Stage.ENRICHMENT, value -> counted(runs));

        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailedRunLeavesTheKeyUnhandled() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> stages.handle(record("trip-10", "req-10"), Stage.ENRICHMENT, value -> {
                    throw new IllegalStateException("broker gone");
                }))
                .hasMessage("broker gone");

        stages.handle(resent(record("trip-10", "req-10")), Stage.ENRICHMENT, value -> counted(runs));

        assertThat(runs).hasValue(1);
    }

    private static Outcome counted(AtomicInteger runs) {
        runs.incrementAndGet();
        return Outcome.SUCCEEDED;
    }

    private static <R extends ConsumerRecord<?, ?>> R resent(R record) {
        EventHeaders.replace(record.headers(), EventHeaders.RESENT, "true");
        return record;
    }

    private double resentCount(String stage, String action) {
        return meters.get(StageHandler.RESENT)
                .tag("stage", stage)
                .tag("action", action)
                .counter()
                .count();
    }

    private Timer timer(String stage, String outcome) {
        return meters.get(StageHandler.TIMER)
                .tag("stage", stage)
                .tag("outcome", outcome)
                .timer();
    }

    private static ConsumerRecord<String, String> recordAt(String key, long timestamp) {
        return new ConsumerRecord<>(
                "travel-enrichment.request",
                0,
                0,
                timestamp,
                TimestampType.CREATE_TIME,
                0,
                0,
                key,
                "value",
                new RecordHeaders(),
                Optional.empty());
    }

    private static ConsumerRecord<String, String> record(String key, String requestId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("travel-enrichment.request", 0, 0, key, "value");
        EventHeaders.replace(record.headers(), EventHeaders.REQUEST_ID, requestId);
        return record;
    }
}
