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
 * Watches the consumer groups' committed offsets against their partitions' ends every {@link #INTERVAL}, so that a
 * fault's cost can be read afterwards: for every partition with work waiting, how long after the fault its committed
 * offset moved again. The ends are read at read_uncommitted: records held back by a transaction that stays open (one
 * an unclean broker stop left without its marker, session 13) wait as much as any, although a read_committed consumer
 * cannot see them. A sample that fails (the broker is away) repeats every
 * partition's last position: while the broker is away no consumer can commit, so a partition that had records waiting
 * is stalled through the outage, although no sample could show it.
 */
final class RecoveryProbe implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);
    /** A committed offset still for this long with records waiting is a stall; less is a partition at work. */
    static final Duration MIN_STALL = Duration.ofSeconds(1);
    /**
     * A stall that begins within this of the fault (or by the broker's return, when the broker was the fault) is the
     * fault's own: the partitions the faulty part held. One that begins later is counted apart ({@link
     * #laterStallNanos}): a hand-back when the replacement joins its group, a transaction a restarted broker lost.
     */
    static final Duration FAULT_WINDOW = Duration.ofSeconds(5);

    private static final int TIMEOUT_MS = 2000;

    /** One partition at one moment. */
    record Position(long committed, long end) {}

    /** The group's positions at one moment; none when they could not be read ({@link #unreadable}). */
    record Sample(long nanos, Map<TopicPartition, Position> positions, boolean read) {

        Sample(long nanos, Map<TopicPartition, Position> positions) {
            this(nanos, positions, true);
        }

        static Sample unreadable(long nanos) {
            return new Sample(nanos, Map.of(), false);
        }
    }

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
            long nanos = System.nanoTime();
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
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
                samplesOf(group).add(Sample.unreadable(nanos)); // broker away, or the group not there yet
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
     * @param replacedNanos the end of the fault's own stalls ({@link #FAULT_WINDOW}); only stalls that began by then count
     */
    long recoveryNanos(String group, long faultNanos, long replacedNanos) {
        return recoveryNanos(samples(group), faultNanos, replacedNanos);
    }

    /** The stalls of the group's partitions that began between the fault and {@code untilNanos}, for the run's log. */
    List<Stall> stalls(String group, long faultNanos, long untilNanos) {
        List<Stall> stalls = new ArrayList<>();
        timelines(samples(group))
                .forEach((partition, timeline) -> stalls(partition, timeline, faultNanos).stream()
                        .filter(stall -> stall.beganNanos() <= untilNanos)
                        .forEach(stalls::add));
        return stalls;
    }

    /**
     * The longest stall of the group's partitions that began after {@code ownNanos} (the end of the fault's own
     * stalls) and by {@code untilNanos}, from its beginning to its end; 0 without one, -1 when one never ended.
     */
    long laterStallNanos(String group, long faultNanos, long ownNanos, long untilNanos) {
        return laterStallNanos(samples(group), faultNanos, ownNanos, untilNanos);
    }

    static long laterStallNanos(List<Sample> samples, long faultNanos, long ownNanos, long untilNanos) {
        long longest = 0;
        for (var timeline : timelines(samples).entrySet()) {
            for (Stall stall : stalls(timeline.getKey(), timeline.getValue(), faultNanos)) {
                if (stall.beganNanos() <= ownNanos || stall.beganNanos() > untilNanos) {
                    continue;
                }
                if (stall.endedNanos() < 0) {
                    return -1;
                }
                longest = Math.max(longest, stall.endedNanos() - stall.beganNanos());
            }
        }
        return longest;
    }

    private List<Sample> samples(String group) {
        List<Sample> all = samplesOf(group);
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /**
     * Per partition, the longest stall that began between the fault and {@code replacedNanos}; the partition recovered
     * when that stall ended. The group recovered when its last partition did.
     */
    static long recoveryNanos(List<Sample> samples, long faultNanos, long replacedNanos) {
        long recovery = 0;
        for (var timeline : timelines(samples).entrySet()) {
            Stall longest = null;
            for (Stall stall : stalls(timeline.getKey(), timeline.getValue(), faultNanos)) {
                if (stall.beganNanos() <= replacedNanos
                        && (longest == null || stall.seenNanos() > longest.seenNanos())) {
                    longest = stall;
                }
            }
            if (longest != null && longest.endedNanos() < 0) {
                return -1;
            }
            recovery = Math.max(recovery, longest == null ? 0 : longest.endedNanos() - faultNanos);
        }
        return recovery;
    }

    private static Map<TopicPartition, List<long[]>> timelines(List<Sample> samples) {
        Map<TopicPartition, List<long[]>> timelines = new LinkedHashMap<>(); // nanos, committed, end
        for (Sample sample : samples) {
            if (!sample.read()) {
                // nothing could commit meanwhile: each partition is where it was last seen
                timelines.values().forEach(timeline -> {
                    long[] last = timeline.get(timeline.size() - 1);
                    timeline.add(new long[] {sample.nanos(), last[1], last[2]});
                });
                continue;
            }
            sample.positions()
                    .forEach((partition, position) -> timelines
                            .computeIfAbsent(partition, p -> new ArrayList<>())
                            .add(new long[] {sample.nanos(), position.committed(), position.end()}));
        }
        return timelines;
    }

    /**
     * A partition stalled: records waited and its committed offset stayed where it was from {@code beganNanos} (the
     * fault, for a stall already under way) until {@code endedNanos} (-1: still at the last sample), seen for
     * {@code seenNanos} (from the first sample to the last one that showed it).
     */
    record Stall(TopicPartition partition, long beganNanos, long seenNanos, long endedNanos) {

        String describe(long faultNanos) {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s from %.1f s to %s",
                    partition,
                    (beganNanos - faultNanos) / 1e9,
                    endedNanos < 0
                            ? "the end"
                            : String.format(java.util.Locale.ROOT, "%.1f s", (endedNanos - faultNanos) / 1e9));
        }
    }

    /**
     * The stalls after the fault that at least two samples saw, over {@link #MIN_STALL} apart. Only samples that show
     * one committed offset with records waiting make a stall, not the time between two samples: a partition that keeps
     * moving has none however far apart its samples are (a loaded machine, a replacement starting), and neither has
     * one that sat idle until a record came and was processed at once.
     */
    static List<Stall> stalls(TopicPartition partition, List<long[]> timeline, long faultNanos) {
        List<Stall> stalls = new ArrayList<>();
        long committed = -1;
        long first = -1; // the first sample that showed this committed offset with records waiting
        long last = -1;
        for (long[] point : timeline) {
            long nanos = point[0];
            boolean moved = committed >= 0 && point[1] > committed;
            if (moved && first >= 0 && nanos > faultNanos && last - first >= MIN_STALL.toNanos()) {
                stalls.add(new Stall(partition, Math.max(first, faultNanos), last - first, nanos));
            }
            if (moved || committed < 0) {
                first = -1;
            }
            committed = point[1];
            // more than one offset behind: the last one may be a transaction's commit marker, which no consumer
            // ever commits past until the next record comes
            if (point[2] - point[1] > 1) {
                if (first < 0) {
                    first = nanos;
                }
                last = nanos;
            }
        }
        if (first >= 0 && last - first >= MIN_STALL.toNanos() && last > faultNanos) {
            stalls.add(new Stall(partition, Math.max(first, faultNanos), last - first, -1));
        }
        return stalls;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
