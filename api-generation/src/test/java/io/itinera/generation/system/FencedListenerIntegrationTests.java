package io.itinera.generation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.EventHeaders;
import io.itinera.events.TopicNames;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerializer;
import io.itinera.generation.KafkaIntegrationTest;
import io.itinera.generation.LisbonTrip;
import io.itinera.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;

/**
 * A worker whose producer is fenced while it is idle between transactions (as when the broker aborts a transaction
 * that ran past its timeout during an outage) still processes the next request: its listener is restarted from the
 * committed offsets instead of polling on past the request it could not complete.
 */
class FencedListenerIntegrationTests extends KafkaIntegrationTest {

    private static final int IDS_TO_FENCE = 8;

    @Autowired
    ProducerFactory<String, Object> producers;

    @Test
    void aRequestWhoseTransactionWasFencedIsPlannedAfterAll() throws Exception {
        // given: the worker has planned a trip, so its listeners' producers are open and cached
        try (TopicRecords<Object> completions =
                TopicRecords.of(bootstrapServers(), new EventDeserializer<>(), TopicNames.GENERATION_COMPLETED)) {
            String first = newTripId();
            send(first);
            completions.awaitRecords(first, read -> assertThat(read).hasSize(1));

            // when: every transactional id the worker may hold is taken over, fencing its cached producers, and
            // a second trip is requested
            fenceEveryTransactionalId(producers.getTransactionIdPrefix());
            String second = newTripId();
            send(second);

            // then: that trip is planned once, by a producer the restarted listener opened
            completions.awaitRecords(
                    second,
                    read -> assertThat(read)
                            .singleElement()
                            .satisfies(record -> assertThat(record.value()).isInstanceOf(GenerationCompleted.class)));
        }
    }

    private static void fenceEveryTransactionalId(String prefix) {
        for (int suffix = 0; suffix < IDS_TO_FENCE; suffix++) {
            try (KafkaProducer<String, Object> successor = producer(prefix + suffix)) {
                successor.initTransactions();
            }
        }
    }

    /** Not through the service's template, whose transactional producers are the ones fenced here. */
    private static void send(String tripId) throws Exception {
        try (KafkaProducer<String, Object> plain = producer(null)) {
            ProducerRecord<String, Object> record =
                    new ProducerRecord<>(TopicNames.GENERATION_REQUEST, tripId, LisbonTrip.requested(tripId));
            record.headers().add(EventHeaders.REQUEST_ID, tripId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
            plain.send(record).get();
        }
    }

    private static KafkaProducer<String, Object> producer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config);
    }
}
