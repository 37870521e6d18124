package io.itinera.harness.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag per group: for every partition a group has committed, the last stable offset minus the committed one,
 * summed. The groups are the workers' ({@code api-enrichment}, {@code api-generation}) and the gateway's Kafka Streams
 * application ({@code api-gateway}).
 */
public final class ConsumerLag implements AutoCloseable {

    public static final List<String> DEFAULT_GROUPS = List.of("api-enrichment", "api-generation", "api-gateway");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Admin admin;
    private final List<String> groups;

    public ConsumerLag(String bootstrapServers, List<String> groups) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "itinera-harness-lag");
        this.admin = Admin.create(properties);
        this.groups = List.copyOf(groups);
    }

    public List<String> groups() {
        return groups;
    }

    /** @return lag per group; -1 for a group that could not be read (not yet created, broker down) */
    public Map<String, Long> sample() {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String group : groups) {
            lag.put(group, lagOf(group));
        }
        return lag;
    }

    private long lagOf(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                            latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long total = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                    total += Math.max(
                            0,
                            ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            return total;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception unreadable) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
