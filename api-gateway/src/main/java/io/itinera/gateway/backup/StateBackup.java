package io.itinera.gateway.backup;

import io.itinera.events.Topics;
import io.itinera.gateway.saga.SagaTopology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code export} and {@code restore} of the topics that hold the only copy of trip and proposal state: the compacted
 * state topics every replica reads and the sagas' store changelogs. See {@code docs/runbooks/backup-restore.md}.
 *
 * <pre>
 * state-backup export  --bootstrap-servers HOST:PORT --file FILE [--topic NAME]... [--command-config FILE]
 * state-backup restore --bootstrap-servers HOST:PORT --file FILE [--command-config FILE]
 * </pre>
 */
public final class StateBackup {

    /** Kafka Streams names a store's changelog {@code <application.id>-<store>-changelog}. */
    static final String APPLICATION_ID = "api-gateway";

    /** What a backup holds unless told otherwise. */
    static final List<String> DEFAULT_TOPICS = List.of(
            Topics.TRIP_STATE.name(),
            Topics.PROPOSAL_STATE.name(),
            changelogOf(SagaTopology.TRIP_SAGA_STORE),
            changelogOf(SagaTopology.TRIP_DEADLINES_STORE),
            changelogOf(SagaTopology.PROPOSAL_SAGA_STORE),
            changelogOf(SagaTopology.PROPOSAL_DEADLINES_STORE));

    private StateBackup() {}

    /** The first argument of the gateway's command line that runs this tool instead of the gateway. */
    public static final String COMMAND = "state-backup";

    /** Runs {@code export} or {@code restore}; the gateway's main class hands its arguments here. */
    public static void run(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args);
        long records = switch (arguments.command()) {
            case "export" -> export(arguments.client(), arguments.file(), arguments.topics());
            case "restore" -> restore(arguments.client(), arguments.file());
            default -> throw new IllegalArgumentException(Arguments.USAGE);
        };
        System.out.printf("%s: %d records, %s%n", arguments.command(), records, arguments.file());
    }

    static long export(Map<String, Object> client, Path file, List<String> topics) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicExport export = new TopicExport(consumer);
            BackupFile.Header header = new BackupFile.Header(
                    BackupFile.FORMAT, BackupFile.VERSION, Instant.now(), export.partitions(topics));
            long[] copied = new long[1];
            BackupFile.write(file, header, sink -> copied[0] = export.copy(topics, sink));
            return copied[0];
        }
    }

    static long restore(Map<String, Object> client, Path file) throws Exception {
        BackupFile.Header header = BackupFile.readHeader(file);
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight: a restore is not latency-bound, and order must hold even when a retry meets a new
        // leader.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (Admin admin = Admin.create(client);
                KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            TopicRestore restore = new TopicRestore(admin, producer);
            restore.prepare(header.partitions());
            BackupFile.read(file, restore::send);
            return restore.finish();
        }
    }

    static String changelogOf(String store) {
        return APPLICATION_ID + "-" + store + "-changelog";
    }

    /** The command line: a command, the broker, the file, optional topics and client properties. */
    record Arguments(String command, Map<String, Object> client, Path file, List<String> topics) {

        static final String USAGE = "usage: state-backup export|restore --bootstrap-servers HOST:PORT --file FILE"
                + " [--topic NAME]... [--command-config FILE]";

        static Arguments parse(String[] args) throws IOException {
            if (args.length == 0) {
                throw new IllegalArgumentException(USAGE);
            }
            Map<String, Object> client = new HashMap<>();
            Path file = null;
            List<String> topics = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
                }
                switch (args[i++]) {
                    case "--bootstrap-servers" -> client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, value);
                    case "--file" -> file = Path.of(value);
                    case "--topic" -> topics.add(value);
                    case "--command-config" -> client.putAll(load(Path.of(value)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1] + "\n" + USAGE);
                }
            }
            if (file == null || !client.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalArgumentException(USAGE);
            }
            return new Arguments(args[0], client, file, topics.isEmpty() ? DEFAULT_TOPICS : List.copyOf(topics));
        }

        private static Map<String, Object> load(Path properties) throws IOException {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(properties)) {
                loaded.load(in);
            }
            Map<String, Object> config = new HashMap<>();
            loaded.forEach((key, value) -> config.put(key.toString(), value));
            return config;
        }
    }
}
