package io.itinera.generation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.TopicNames;
import io.itinera.events.Topics;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.kafka.DeadLetterReplay;
import io.itinera.events.kafka.DeadLetters;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.generation.KafkaIntegrationTest;
import io.itinera.generation.LisbonTrip;
import io.itinera.kafka.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

class DeadLetterIntegrationTests extends KafkaIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void reportsAnUnreadableRequestFailedSendsItToTheDeadLetterTopicAndGoesOnWithTheNextOne() throws Exception {
        // given a record that is not a GenerationRequested, then a good one, on the same partition
        String tripId = newTripId();
        byte[] poison = "{\"tripId\": not json".getBytes(StandardCharsets.UTF_8);

        try (TopicRecords<byte[]> deadLetters =
                        TopicRecords.raw(bootstrapServers(), Topics.deadLetter(TopicNames.GENERATION_REQUEST));
                TopicRecords<Object> completed = TopicRecords.of(
                        bootstrapServers(), new EventDeserializer<>(), TopicNames.GENERATION_COMPLETED)) {
            // when
            sendRequest(tripId, poison, "req-poison");
            sendRequest(tripId, LisbonTrip.requested(tripId), "req-good");

            // then
            assertThat(deadLetters.awaitRecords(tripId, read -> assertThat(read).hasSize(1)))
                    .singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo(poison));
            // the request given up on is reported FAILED first, so that the trip ends at once; the good one succeeds
            assertThat(completed.awaitRecords(tripId, read -> assertThat(read).hasSize(2)))
                    .extracting(record -> (GenerationCompleted) record.value())
                    .satisfiesExactly(
                            givenUp -> {
                                assertThat(givenUp.outcome()).isEqualTo(Outcome.FAILED);
                                assertThat(givenUp.failure().code()).isEqualTo("processing-failed");
                                assertThat(givenUp.failure().reason()).contains("api-generation");
                            },
                            good -> assertThat(good.outcome()).isEqualTo(Outcome.SUCCEEDED));
            assertThat(meters.counter(DeadLetters.COUNTER, "topic", TopicNames.GENERATION_REQUEST)
                            .count())
                    .isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void keepsTheOriginalBytesOfARequestThatFailsLaterAndReplaysThemOntoTheSourceTopic() throws Exception {
        // given a request that is read but cannot be planned: nothing to plan from
        String tripId = newTripId();
        byte[] original = ("{\"schemaVersion\":1,\"tripId\":\"" + tripId + "\",\"unknownField\":true}")
                .getBytes(StandardCharsets.UTF_8);
        String deadLetterTopic = Topics.deadLetter(TopicNames.GENERATION_REQUEST);

        try (TopicRecords<byte[]> deadLetters = TopicRecords.raw(bootstrapServers(), deadLetterTopic);
                TopicRecords<byte[]> requests = TopicRecords.raw(bootstrapServers(), TopicNames.GENERATION_REQUEST)) {
            // when
            sendRequest(tripId, original, "req-unplannable");

            // then the dead letter is what was sent, byte for byte, with its headers and the cause
            ConsumerRecord<String, byte[]> letter = deadLetters
                    .awaitRecords(tripId, read -> assertThat(read).hasSize(1))
                    .get(0);
            assertThat(letter.value()).isEqualTo(original);
            assertThat(EventHeaders.read(letter.headers(), EventHeaders.REQUEST_ID))
                    .contains("req-unplannable");
            assertThat(EventHeaders.read(letter.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
                    .as("read, then failed: not a deserialization failure")
                    .isPresent()
                    .get()
                    .asString()
                    .doesNotContain("DeserializationException");

            // and the replay command sends it back as it was, once
            DeadLetterReplay.run(new String[] {"--bootstrap-servers", bootstrapServers(), "--topic", deadLetterTopic});
            List<ConsumerRecord<String, byte[]>> sent =
                    requests.awaitRecords(tripId, read -> assertThat(read).hasSize(2));
            assertThat(sent.get(1).value()).isEqualTo(original);
            assertThat(EventHeaders.read(sent.get(1).headers(), EventHeaders.REQUEST_ID))
                    .contains("req-unplannable");
            assertThat(sent.get(1).headers()).noneMatch(header -> header.key().startsWith("kafka_dlt-"));
        }
    }
}
