package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.MovableClock;
import io.itinera.events.kafka.OpenTransactions.Open;
import io.itinera.kafka.KafkaTestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The watch on a real broker. A transaction whose coordinator forgot it cannot be made with a client; one that stays
 * open longer than the watch's threshold looks the same on the partition, which is all the watch reads.
 */
class HangingTransactionWatchBrokerTests {

    private static final Duration AFTER = Duration.ofMinutes(2);

    @Test
    void aTransactionOpenPastTheThresholdIsCountedAndAbortedSoThatReadersGoOn() throws Exception {
        String topic = "hanging-" + UUID.randomUUID();
        try (KafkaProducer<String, String> open = openTransactionOn(topic)) {
            MovableClock clock = new MovableClock(Instant.parse("2026-12-04T17:00:00Z"));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HangingTransactionWatch watch = watch(topic, true, clock, meters);
            watch.start();
            try {
                assertThat(committedValues(topic)).isEmpty(); // held behind the open transaction

                watch.sweep();
                assertThat(meters.get(HangingTransactionWatch.HANGING).gauge().value())
                        .isZero();
                clock.advance(AFTER);
                watch.sweep();

                assertThat(meters.get(HangingTransactionWatch.ABORTED)
                                .tag("topic", topic)
                                .counter()
                                .count())
                        .isEqualTo(1);
                assertThat(committedValues(topic)).containsExactly("after it");
                clock.advance(Duration.ofSeconds(30));
                watch.sweep();
                assertThat(meters.get(HangingTransactionWatch.HANGING).gauge().value())
                        .isZero();
            } finally {
                watch.stop();
            }
            try {
                open.commitTransaction();
            } catch (ProducerFencedException | IllegalStateException expected) {
                // its transaction was aborted under it, as a forgotten one's producer is gone
            } catch (Exception alsoExpected) {
                // the broker refused the commit of an aborted transaction
            }
        }
    }

    @Test
    void withoutAbortTheWatchOnlyCountsAndTheTransactionStays() throws Exception {
        String topic = "hanging-" + UUID.randomUUID();
        try (KafkaProducer<String, String> open = openTransactionOn(topic)) {
            MovableClock clock = new MovableClock(Instant.parse("2026-12-04T17:00:00Z"));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HangingTransactionWatch watch = watch(topic, false, clock, meters);
            watch.start();
            try {
                watch.sweep();
                clock.advance(AFTER);
                watch.sweep();

                assertThat(meters.get(HangingTransactionWatch.HANGING).gauge().value())
                        .isEqualTo(1);
                assertThat(meters.find(HangingTransactionWatch.ABORTED).counter())
                        .isNull();
                assertThat(committedValues(topic)).isEmpty();
            } finally {
                watch.stop();
            }
            open.abortTransaction();
        }
    }

    @Test
    void theCoordinatorVouchesForATransactionThatIsStillUnderWay() throws Exception {
        String topic = "hanging-" + UUID.randomUUID();
        try (KafkaProducer<String, String> open = openTransactionOn(topic)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            HangingTransactionWatch watch =
                    watch(topic, true, true, new MovableClock(Instant.parse("2026-12-04T17:00:00Z")), meters);
            watch.start();
            try {
                watch.sweep();
                watch.sweep();

                // open for less than the threshold and known to its coordinator: left alone
                assertThat(meters.get(HangingTransactionWatch.HANGING).gauge().value())
                        .isZero();
                assertThat(meters.find(HangingTransactionWatch.ABORTED).counter())
                        .isNull();
            } finally {
                watch.stop();
            }
            open.commitTransaction();
            assertThat(committedValues(topic)).containsExactly("held", "after it");
        }
    }

    @Test
    void theCoordinatorHoldsALiveTransactionsPartitionNotAnotherAndKnowsNothingOfAStranger() throws Exception {
        String topic = "hanging-" + UUID.randomUUID();
        try (KafkaProducer<String, String> open = openTransactionOn(topic);
                Admin admin = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            ProducerState producer =
                    admin
                            .describeProducers(List.of(partition))
                            .partitionResult(partition)
                            .get()
                            .activeProducers()
                            .stream()
                            .filter(state ->
                                    state.currentTransactionStartOffset().isPresent())
                            .findFirst()
                            .orElseThrow();
            Open live = new Open(
                    partition,
                    producer.producerId(),
                    producer.producerEpoch(),
                    producer.coordinatorEpoch().orElse(-1),
                    producer.currentTransactionStartOffset().getAsLong());
            // the same producer's transaction seen on a partition it never added: what a lost one looks like
            Open notHeld = new Open(new TopicPartition(topic, 1), live.producerId(), live.producerEpoch(), 0, 0);
            // a producer the coordinator never saw is not listed, and not judged
            Open unlisted = new Open(partition, producer.producerId() + 1_000_000, 0, 0, 0);

            assertThat(CoordinatorView.unknown(admin, Set.of(live, notHeld, unlisted), 10_000))
                    .containsExactly(notHeld);
            open.abortTransaction();
        }
    }

    private static HangingTransactionWatch watch(String topic, boolean abort, Clock clock, SimpleMeterRegistry meters) {
        return watch(topic, abort, false, clock, meters);
    }

    private static HangingTransactionWatch watch(
            String topic, boolean abort, boolean askCoordinator, Clock clock, SimpleMeterRegistry meters) {
        var settings =
                new ItineraKafkaProperties.HangingTransactions(true, Duration.ofHours(1), AFTER, abort, askCoordinator);
        return new HangingTransactionWatch(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()),
                () -> Set.of(topic),
                settings,
                meters,
                clock);
    }

    /** A transaction left open on the topic's partition, with a record of another producer behind it. */
    private static KafkaProducer<String, String> openTransactionOn(String topic) throws Exception {
        String servers = KafkaTestBroker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        KafkaProducer<String, String> open = producer(servers, "hanging-test-" + topic);
        open.initTransactions();
        open.beginTransaction();
        open.send(new ProducerRecord<>(topic, 0, "trip", "held")).get();
        try (KafkaProducer<String, String> plain = producer(servers, null)) {
            plain.send(new ProducerRecord<>(topic, 0, "trip", "after it")).get();
        }
        return open;
    }

    private static KafkaProducer<String, String> producer(String servers, String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 300_000);
        }
        return new KafkaProducer<>(config);
    }

    /** What a read_committed reader gets from the partition within a few seconds. */
    private static List<String> committedValues(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
