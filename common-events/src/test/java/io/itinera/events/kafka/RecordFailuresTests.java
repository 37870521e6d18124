package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.ExponentialBackOff;

class RecordFailuresTests {

    private final List<Long> waits = new ArrayList<>();
    private final List<String> recovered = new ArrayList<>();
    private final List<String> handled = new ArrayList<>();

    private final StageHandler stages = new StageHandler(
            new SimpleMeterRegistry(),
            Duration.ofMillis(250),
            System::nanoTime,
            new RecordFailures(
                    backOff(),
                    (record, failure) -> recovered.add(record.key() + ":" + failure.getMessage()),
                    waits::add));

    @Test
    void aFailingRecordIsRetriedWithBackOffThenRecoveredWhileTheRestOfThePollGoesOn() {
        // given a poll whose second record always fails for a reason that might pass
        List<ConsumerRecord<String, String>> poll =
                List.of(record("trip-1", 0), record("trip-2", 1), record("trip-3", 2));

        // when
        stages.handleEach(poll, record -> {
            if (record.key().equals("trip-2")) {
                throw new IllegalStateException("provider down");
            }
            handled.add(record.key());
        });

        // then it is tried 1 + 3 times with growing waits, reported once, and the third record is still handled
        assertThat(waits).containsExactly(200L, 400L, 800L);
        assertThat(recovered).containsExactly("trip-2:provider down");
        assertThat(handled).containsExactly("trip-1", "trip-3");
    }

    @Test
    void aRecordThatCanNeverSucceedIsRecoveredWithoutRetries() {
        stages.handleEach(List.of(record("trip-4", 0)), record -> {
            throw new IllegalArgumentException("record without a value");
        });

        assertThat(waits).isEmpty();
        assertThat(recovered).containsExactly("trip-4:record without a value");
    }

    @Test
    void aRecordThatSucceedsOnARetryIsNotRecovered() {
        int[] attempts = {0};

        stages.handleEach(List.of(record("trip-5", 0)), record -> {
            if (attempts[0]++ == 0) {
                throw new IllegalStateException("blip");
            }
            handled.add(record.key());
        });

        assertThat(waits).containsExactly(200L);
        assertThat(recovered).isEmpty();
        assertThat(handled).containsExactly("trip-5");
    }

    @Test
    void aFailureToRecoverEscapesSoThatThePollRollsBack() {
        StageHandler failingRecovery = new StageHandler(
                new SimpleMeterRegistry(),
                Duration.ofMillis(250),
                System::nanoTime,
                new RecordFailures(
                        backOff(),
                        (record, failure) -> {
                            throw new IllegalStateException("dead-letter topic unreachable");
                        },
                        waits::add));

        assertThatThrownBy(() -> failingRecovery.handleEach(List.of(record("trip-6", 0)), record -> {
                    throw new NullPointerException("bad record");
                }))
                .hasMessage("dead-letter topic unreachable");
    }

    private static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(3);
        return backOff;
    }

    private static ConsumerRecord<String, String> record(String key, long offset) {
        return new ConsumerRecord<>("travel-enrichment.request", 0, offset, key, "{}");
    }
}
