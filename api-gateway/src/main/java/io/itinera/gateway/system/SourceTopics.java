package io.itinera.gateway.system;

import io.itinera.events.kafka.StreamsReadTopics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics a topology reads, and a bounded wait until each has all its partitions led in the broker's metadata. A
 * topic another service has only just created can be missing there for a moment, and Kafka Streams treats a global
 * store's topic without partitions as fatal at start-up ("no partitions available").
 */
record SourceTopics(Set<String> names) {

    private static final Logger log = LoggerFactory.getLogger(SourceTopics.class);

    private static final Duration POLL = Duration.ofMillis(200);

    SourceTopics {
        names = Set.copyOf(names);
    }

    /** The topology's input topics and its global stores' topics (no internal repartition topics: Streams makes those). */
    static SourceTopics of(Topology topology) {
        return new SourceTopics(StreamsReadTopics.sources(topology));
    }

    /**
     * Waits until every topic has partitions, each with a leader.
     *
     * @return whether they all did within {@code timeout}
     */
    boolean awaitPartitions(Admin admin, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Set<String> missing = missing(admin);
        if (missing.isEmpty()) {
            return true;
        }
        log.info("Kafka Streams waits (at most {}) for these topics to have partitions: {}", timeout, missing);
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            missing = missing(admin);
            if (missing.isEmpty()) {
                log.info("every topic Kafka Streams reads has partitions, after {} ms", elapsedMillis(start));
                return true;
            }
        }
        log.warn("after {} ms these topics still have no partitions: {}", elapsedMillis(start), missing);
        return false;
    }

    /** The topics without partitions, or with a partition that has no leader; all of them if the broker is away. */
    private Set<String> missing(Admin admin) {
        Map<String, KafkaFuture<TopicDescription>> described =
                admin.describeTopics(names).topicNameValues();
        return described.entrySet().stream()
                .filter(topic -> !ready(topic.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean ready(KafkaFuture<TopicDescription> description) {
        try {
            TopicDescription topic = description.get(POLL.toMillis() * 10, TimeUnit.MILLISECONDS);
            return !topic.partitions().isEmpty()
                    && topic.partitions().stream()
                            .allMatch(partition -> partition.leader() != null
                                    && !partition.leader().isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            // Unknown topic, or the broker did not answer in time: not ready yet.
            return false;
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
