package io.itinera.harness.chaos;

import io.itinera.events.EventHeaders;
import io.itinera.events.TopicNames;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads what a scenario wrote, at {@code read_committed} as every downstream reader does: the completions (exactly one
 * per trip and stage is the promise), the trips' snapshots (an itinerary never changes once READY; no status entered
 * twice) and the dead-letter topics. Marks where every topic ends when created; {@link #read()} reads from there.
 */
final class TopicAudit implements AutoCloseable {

    /** Header on the harness's own poison records, so that they are not counted as the suite's. */
    static final String POISON_HEADER = "itinera-chaos";

    static final List<String> COMPLETIONS = List.of(TopicNames.ENRICHMENT_COMPLETED, TopicNames.GENERATION_COMPLETED);

    /** What the scenario's records say. */
    record Findings(
            Set<String> duplicatedCompletions,
            Set<String> changedAfterReady,
            Set<String> repeatedStatus,
            Set<String> tripsCreated,
            Map<String, Long> deadLetters) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, Long> start;

    TopicAudit(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "itinera-chaos-audit");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.start = consumer.endOffsets(partitions(), Duration.ofSeconds(30));
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : audited()) {
            for (int partition = 0; partition < Topics.PARTITIONS; partition++) {
                partitions.add(new TopicPartition(topic, partition));
            }
        }
        return partitions;
    }

    private static List<String> audited() {
        List<String> topics = new ArrayList<>(COMPLETIONS);
        topics.add(TopicNames.TRIP_STATE);
        Topics.all().stream()
                .map(TopicSpec::name)
                .filter(name -> name.endsWith(Topics.DLT_SUFFIX))
                .forEach(topics::add);
        return topics;
    }

    Findings read() {
        Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet(), Duration.ofSeconds(30));
        consumer.assign(start.keySet());
        start.forEach(consumer::seek);
        Map<String, Map<String, Integer>> completions = new HashMap<>();
        Map<String, List<ConsumerRecord<byte[], byte[]>>> states = new LinkedHashMap<>();
        Map<String, Long> deadLetters = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!reached(end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                if (record.topic().endsWith(Topics.DLT_SUFFIX)) {
                    deadLetters.merge(record.topic(), 1L, Long::sum);
                } else if (record.headers().lastHeader(POISON_HEADER) != null) {
                    continue;
                } else if (record.topic().equals(TopicNames.TRIP_STATE)) {
                    states.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
                } else {
                    completions
                            .computeIfAbsent(record.topic(), topic -> new HashMap<>())
                            .merge(key, 1, Integer::sum);
                }
            }
        }
        Set<String> duplicated = new HashSet<>();
        completions
                .values()
                .forEach(perTrip -> perTrip.forEach((trip, count) -> {
                    if (count > 1) {
                        duplicated.add(trip);
                    }
                }));
        Set<String> changed = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        Set<String> created = new HashSet<>();
        states.forEach((trip, records) -> {
            if ("PENDING".equals(header(records.get(0), EventHeaders.STATUS))) {
                created.add(trip);
            }
            if (changedAfterReady(records)) {
                changed.add(trip);
            }
            if (repeatsAStatus(records.get(records.size() - 1).value())) {
                repeated.add(trip);
            }
        });
        return new Findings(duplicated, changed, repeated, created, deadLetters);
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    /** Once a snapshot is READY, every later one must be READY with the same itinerary. */
    static boolean changedAfterReady(List<ConsumerRecord<byte[], byte[]>> records) {
        JsonNode readyItinerary = null;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode snapshot = parse(record.value());
            if (snapshot == null) {
                continue;
            }
            boolean ready = "READY".equals(snapshot.path("status").asString(""));
            if (readyItinerary != null && (!ready || !readyItinerary.equals(snapshot.path("itinerary")))) {
                return true;
            }
            if (ready && readyItinerary == null) {
                readyItinerary = snapshot.path("itinerary");
            }
        }
        return false;
    }

    /** A history that enters the same status twice: a completion or a command was folded in twice. */
    static boolean repeatsAStatus(byte @Nullable [] value) {
        JsonNode snapshot = parse(value);
        if (snapshot == null) {
            return false;
        }
        Set<String> entered = new HashSet<>();
        String previous = null;
        for (JsonNode entry : snapshot.path("history")) {
            String status = entry.path("status").asString("");
            if (!Objects.equals(status, previous) && !entered.add(status)) {
                return true;
            }
            previous = status;
        }
        return false;
    }

    private static @Nullable JsonNode parse(byte @Nullable [] value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
