package io.itinera.harness.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TopicAuditTests {

    @Test
    void anItineraryThatChangesOnceReadyIsADuplicate() {
        var generating = state("{\"status\":\"GENERATING\"}");
        var ready = state("{\"status\":\"READY\",\"itinerary\":{\"days\":[1]}}");
        var sameAgain = state("{\"status\":\"READY\",\"itinerary\":{\"days\":[1]}}");
        var replanned = state("{\"status\":\"READY\",\"itinerary\":{\"days\":[2]}}");

        assertThat(TopicAudit.changedAfterReady(List.of(generating, ready, sameAgain)))
                .isFalse();
        assertThat(TopicAudit.changedAfterReady(List.of(generating, ready, replanned)))
                .isTrue();
    }

    @Test
    void aHistoryThatEntersAStatusTwiceRepeatsIt() {
        String once = """
                {"history":[{"status":"PENDING"},{"status":"ENRICHING"},{"status":"ENRICHING"},{"status":"READY"}]}""";
        String twice = """
                {"history":[{"status":"PENDING"},{"status":"GENERATING"},{"status":"READY"},{"status":"GENERATING"}]}""";

        assertThat(TopicAudit.repeatsAStatus(once.getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(TopicAudit.repeatsAStatus(twice.getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(TopicAudit.repeatsAStatus("{not json".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    private static ConsumerRecord<byte[], byte[]> state(String json) {
        return new ConsumerRecord<>(
                "travel-trips.state",
                0,
                0,
                "t1".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
