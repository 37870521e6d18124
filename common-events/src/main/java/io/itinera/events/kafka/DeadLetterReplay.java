package io.itinera.events.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends dead letters back to the topic they came from, as they were first sent: the original key, bytes and headers,
 * without the {@code kafka_dlt-*} headers the dead-lettering added. It reads as consumer group {@code <dead-letter
 * topic>-replay}, up to the end of the topic when it starts, and commits what it has sent, so that each dead letter is
 * replayed once however often the command runs. Each worker's executable jar runs it with {@value #COMMAND} as its
 * first argument (one main class per image); see {@code docs/runbooks/ItineraDeadLettersReceived.md}.
 *
 * <pre>
 * dlt-replay --bootstrap-servers HOST:PORT --topic TOPIC-dlt [--command-config FILE]
 * </pre>
 */
public final class DeadLetterReplay {

    /** The first argument of a worker's command line that runs this tool instead of the worker. */
    public static final String COMMAND = "dlt-replay";

    static final String USAGE =
            "usage: dlt-replay --bootstrap-servers HOST:PORT --topic TOPIC-dlt [--command-config FILE]";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private DeadLetterReplay() {}

    /** Replays the dead letters named on the command line; a worker's main class hands its arguments here. */
    public static void run(String[] args) throws IOException {
        Map<String, Object> client = new HashMap<>();
        String topic = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            }
            switch (args[i]) {
                case "--bootstrap-servers" -> client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, args[i + 1]);
                case "--topic" -> topic = args[i + 1];
                case "--command-config" -> client.putAll(load(Path.of(args[i + 1])));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (topic == null
                || !topic.endsWith("-dlt")
                || !client.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException(USAGE);
        }
        System.out.printf("dlt-replay: %d records from %s%n", replay(client, topic), topic);
    }

    /** Replays what the group has not replayed yet, up to the topic's end now; returns how many records it sent. */
    static long replay(Map<String, Object> client, String deadLetterTopic) {
        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, deadLetterTopic + "-replay");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition()))
                    .toList();
            // assigned, not subscribed: no group to join, the group only keeps the offsets
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long sent = 0;
            while (!reached(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(POLL)) {
                    producer.send(original(letter, deadLetterTopic));
                    sent++;
                }
                producer.flush();
                consumer.commitSync();
            }
            return sent;
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }

    /** The record as it was sent to its source topic, named by the dead letter's header (or the topic's name). */
    static ProducerRecord<byte[], byte[]> original(ConsumerRecord<byte[], byte[]> letter, String deadLetterTopic) {
        Header source = letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String topic = source == null
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - "-dlt".length())
                : new String(source.value(), StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                record.headers().add(header);
            }
        }
        return record;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        Properties loaded = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            loaded.load(in);
        }
        Map<String, Object> config = new HashMap<>();
        loaded.forEach((key, value) -> config.put(key.toString(), value));
        return config;
    }
}
