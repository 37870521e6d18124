package io.itinera.harness.chaos;

import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Bad records on every topic a consumer reads: one that is not JSON at all and one that is JSON but no event of the
 * topic ({@code {"schemaVersion":1}}). On the saga's event and command topics they are keyed by a trip in flight (the
 * fold meets them with that trip's state); on the workers' request topics and the compacted state topics by a fresh id,
 * since a request keyed by a live trip is that trip's request and the latest value of a compacted key is that trip.
 * Each carries the {@link TopicAudit#POISON_HEADER} header.
 */
final class Poison {

    static final byte[] UNPARSEABLE = "{not json".getBytes(StandardCharsets.UTF_8);
    static final byte[] WRONG = "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8);

    private Poison() {}

    /** The topics that get poison: every topic with a consumer, dead-letter topics aside. */
    static List<TopicSpec<?>> targets() {
        return Topics.all().stream()
                .filter(spec -> spec.consumer() != null && !spec.name().endsWith(Topics.DLT_SUFFIX))
                .toList();
    }

    /** Keyed by a live trip only where the saga reads events it folds into that trip. */
    static boolean keyedByLiveTrip(TopicSpec<?> spec) {
        return Topics.GATEWAY.equals(spec.consumer()) && !spec.compacted();
    }

    /** Sends the poison and returns how many records it sent. */
    static int send(String bootstrapServers, Supplier<String> liveTrip) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (TopicSpec<?> spec : targets()) {
                for (byte[] value : List.of(UNPARSEABLE, WRONG)) {
                    String key = keyedByLiveTrip(spec)
                            ? liveTrip.get()
                            : UUID.randomUUID().toString();
                    ProducerRecord<byte[], byte[]> record =
                            new ProducerRecord<>(spec.name(), key.getBytes(StandardCharsets.UTF_8), value);
                    record.headers().add(TopicAudit.POISON_HEADER, "poison".getBytes(StandardCharsets.UTF_8));
                    producer.send(record);
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }
}
