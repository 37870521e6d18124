package io.itinera.harness.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches the consumer groups' committed offsets against their partitions' ends (read_committed) every
 * {@link #INTERVAL}, so that a fault's cost can be read afterwards: for every partition with work waiting, how long
 * after the fault its committed offset moved again. Samples that fail (the broker is down) are skipped; a stall simply
 * lasts across them.
 */
final class RecoveryProbe implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);
    private static final int TIMEOUT_MS = 2000;

    /** One partition at one moment. */
    record Position(long committed, long end) {}

    record Sample(long nanos, Map<TopicPartition, Position> positions) {}

    private final Admin admin;
    private final List<String> groups;
    private final Map<String, List<Sample>> samples = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-recovery-probe");
        thread.setDaemon(true);
        return thread;
    });

    RecoveryProbe(String bootstrapServers, List<String> groups) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "itinera-chaos-probe");
        this.admin = Admin.create(properties);
        this.groups = List.copyOf(groups);
        groups.forEach(group -> samples.put(group, Collections.synchronizedList(new ArrayList<>())));
    }

    void start() {
        sampler.scheduleWithFixedDelay(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        for (String group : groups) {
            try {
                long nanos = System.nanoTime();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Map<TopicPartition, Position> positions = new LinkedHashMap<>();
                committed.forEach((partition, offset) -> {
                    if (offset != null && ends.containsKey(partition)) {
                        positions.put(
                                partition,
                                new Position(
                                        offset.offset(), ends.get(partition).offset()));
                    }
                });
                samplesOf(group).add(new Sample(nanos, positions));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception unreadable) {
                // broker away or group not there yet: no sample this time
            }
        }
    }

    private List<Sample> samplesOf(String group) {
        List<Sample> of = samples.get(group);
        if (of == null) {
            throw new IllegalArgumentException("group " + group + " is not watched");
        }
        return of;
    }

    /**
     * How long after {@code faultNanos} the group's partitions were all processing again, or -1 when one never was.
     *
     * @param replacedNanos when the signalled process was back; only stalls that began by then are the fault's
     */
    long recoveryNanos(String group, long faultNanos, long replacedNanos) {
        List<Sample> copy;
        List<Sample> all = samplesOf(group);
        synchronized (all) {
            copy = List.copyOf(all);
        }
        return recoveryNanos(copy, faultNanos, replacedNanos);
    }

    /**
     * Per partition, the longest stall (committed offset unchanged while records wait) that began between the fault
     * and the replacement; the partition recovered when that stall ended. The group recovered when its last partition
     * did.
     */
    static long recoveryNanos(List<Sample> samples, long faultNanos, long replacedNanos) {
        Map<TopicPartition, List<long[]>> timelines = new LinkedHashMap<>(); // nanos, committed, end
        for (Sample sample : samples) {
            sample.positions()
                    .forEach((partition, position) -> timelines
                            .computeIfAbsent(partition, p -> new ArrayList<>())
                            .add(new long[] {sample.nanos(), position.committed(), position.end()}));
        }
        long recovery = 0;
        for (List<long[]> timeline : timelines.values()) {
            long partitionRecovery = partitionRecovery(timeline, faultNanos, replacedNanos);
            if (partitionRecovery < 0) {
                return -1;
            }
            recovery = Math.max(recovery, partitionRecovery);
        }
        return recovery;
    }

    private static long partitionRecovery(List<long[]> timeline, long faultNanos, long replacedNanos) {
        long committed = -1;
        long stallStart = faultNanos;
        boolean waiting = false;
        long longest = -1;
        long recovered = 0;
        for (long[] point : timeline) {
            long nanos = point[0];
            if (nanos <= faultNanos) {
                committed = point[1];
                continue;
            }
            if (committed >= 0 && point[1] > committed) {
                if (waiting && stallStart <= replacedNanos && nanos - stallStart > longest) {
                    longest = nanos - stallStart;
                    recovered = nanos - faultNanos;
                }
                stallStart = nanos;
                waiting = false;
            }
            committed = point[1];
            // more than one offset behind: the last one may be a transaction's commit marker, which no consumer
            // ever commits past until the next record comes
            waiting |= point[2] - point[1] > 1;
        }
        boolean stillStalled = waiting && stallStart <= replacedNanos;
        return stillStalled && timeline.get(timeline.size() - 1)[0] - stallStart > longest ? -1 : recovered;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
