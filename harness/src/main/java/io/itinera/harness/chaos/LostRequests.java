package io.itinera.harness.chaos;

import io.itinera.events.TopicNames;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Enrichment requests that vanish after the saga's transaction committed them, as when a restarted broker lost the
 * transaction's commit marker on that partition and the transaction was then aborted: both api-enrichment replicas are
 * paused ({@code SIGSTOP}) while requests pile up, the request topic is truncated to its end ({@code deleteRecords}),
 * and the replicas go on ({@code SIGCONT}). What they had fetched before the pause they still handle; the rest is gone,
 * and only the saga asking again can finish those trips.
 */
final class LostRequests {

    private static final List<String> WORKERS = List.of("api-enrichment", "api-enrichment-2");
    private static final String GROUP = "api-enrichment";

    private LostRequests() {}

    /** Pauses the workers for {@code pause}, drops what they had not committed, and returns how many records that was. */
    static long strike(String bootstrapServers, SuiteControl suite, Duration pause)
            throws InterruptedException, IOException {
        List<Long> paused = WORKERS.stream()
                .filter(suite.processes()::contains)
                .map(suite::pid)
                .filter(pid -> pid > 0)
                .toList();
        signal("-STOP", paused);
        try {
            Thread.sleep(pause.toMillis());
            return truncate(bootstrapServers);
        } finally {
            signal("-CONT", paused);
        }
    }

    private static long truncate(String bootstrapServers) throws InterruptedException {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            KafkaFuture<TopicDescription> topic = admin.describeTopics(List.of(TopicNames.ENRICHMENT_REQUEST))
                    .topicNameValues()
                    .get(TopicNames.ENRICHMENT_REQUEST);
            Objects.requireNonNull(topic, TopicNames.ENRICHMENT_REQUEST)
                    .get()
                    .partitions()
                    .forEach(partition -> latest.put(
                            new TopicPartition(TopicNames.ENRICHMENT_REQUEST, partition.partition()),
                            OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, RecordsToDelete> drop = new HashMap<>();
            long dropped = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                drop.put(end.getKey(), RecordsToDelete.beforeOffset(end.getValue()));
                OffsetAndMetadata position = committed.get(end.getKey());
                dropped += Math.max(0, end.getValue() - (position == null ? 0 : position.offset()));
            }
            admin.deleteRecords(drop).all().get();
            return dropped;
        } catch (ExecutionException failed) {
            throw new IllegalStateException("could not drop the enrichment requests", failed.getCause());
        }
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed");
            }
        }
    }
}
