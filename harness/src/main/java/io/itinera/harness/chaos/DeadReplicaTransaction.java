package io.itinera.harness.chaos;

import io.itinera.harness.Args;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a saga replica killed mid-transaction leaves behind, made on purpose: a transaction opened under a Kafka Streams
 * process id no replica has ({@code <application>-<random process id>-1}) with one record in it, then kept open with a
 * record a second until its producer is fenced. How long that takes is how long the gateway's replicas leave a dead
 * replica's transaction open ({@code gateway.saga.fencing}; without it, the saga's transaction timeout). The record's
 * key is not a trip, and an aborted transaction's records are never read.
 */
public final class DeadReplicaTransaction {

    private DeadReplicaTransaction() {}

    /** The harness's {@code dead-transaction} mode: true when the transaction was ended within {@code --wait}. */
    public static boolean check(Args args) throws InterruptedException {
        String bootstrap = args.string("bootstrap", "127.0.0.1:9092");
        String application = args.string("application", "api-gateway");
        String topic = args.string("topic", "travel-trips.commands");
        Duration wait = args.duration("wait", Duration.ofSeconds(60));
        args.requireAllUsed();
        Optional<Duration> fenced = openUntilFenced(
                bootstrap,
                application,
                topic,
                wait,
                id -> System.out.printf("[dead-transaction] opened %s on %s-0%n", id, topic));
        System.out.println(fenced.map(after ->
                        String.format(Locale.ROOT, "[dead-transaction] ended after %.1f s", after.toMillis() / 1000.0))
                .orElse("[dead-transaction] still open after " + wait + "; aborted it"));
        return fenced.isPresent();
    }

    /**
     * @param opened told the transactional id once the transaction is open
     * @return how long after opening the producer was fenced; empty when it was not within {@code wait}
     */
    static Optional<Duration> openUntilFenced(
            String bootstrapServers, String application, String topic, Duration wait, Consumer<String> opened)
            throws InterruptedException {
        String transactionalId = application + "-" + UUID.randomUUID() + "-1";
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int)
                Duration.ofMinutes(5).toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            long start = System.nanoTime();
            try {
                // a first record that cannot be written (no such topic, no broker) is a failed check, not a fencing
                producer.send(record(topic)).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("could not open a transaction on " + topic + "-0", e.getCause());
            }
            opened.accept(transactionalId);
            while (System.nanoTime() - start < wait.toNanos()) {
                Thread.sleep(200);
                if (!sent(producer, topic)) {
                    return Optional.of(Duration.ofNanos(System.nanoTime() - start));
                }
            }
            producer.abortTransaction();
            return Optional.empty();
        }
    }

    private static ProducerRecord<String, String> record(String topic) {
        return new ProducerRecord<>(topic, 0, "dead-replica-check", "held");
    }

    /** False once the producer can no longer write in its transaction (fenced, or its transaction aborted). */
    private static boolean sent(KafkaProducer<String, String> producer, String topic) throws InterruptedException {
        try {
            producer.send(record(topic)).get();
            return true;
        } catch (ExecutionException | RuntimeException fenced) {
            return false;
        }
    }
}
