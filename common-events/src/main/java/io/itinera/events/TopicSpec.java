package io.itinera.events;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of the topic table: the topic's name, the record it holds, who writes it, who reads it, and its shape.
 *
 * @param type the record every value of the topic is (or implements); the serdes read values as this type
 * @param owner the one service that writes the topic and declares it
 * @param consumer the service that reads it, if any; it declares the topic too, so that it starts in any order
 * @param retention how long records are kept; ignored for compacted topics, which keep the latest record per key
 * @param deadLettered whether a record the consumer cannot handle goes to {@link #deadLetter()}
 */
public record TopicSpec<T>(
        String name,
        Class<T> type,
        String owner,
        @Nullable String consumer,
        int partitions,
        boolean compacted,
        Duration retention,
        boolean deadLettered) {

    static final Duration RETENTION = Duration.ofDays(7);

    /** Dead letters are kept longer so that an operator has time to look at them. */
    static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** Events or commands read by one consumer, which dead-letters what it cannot handle. */
    static <T> TopicSpec<T> events(String name, Class<T> type, String owner, String consumer) {
        return new TopicSpec<>(name, type, owner, consumer, Topics.PARTITIONS, false, RETENTION, true);
    }

    /**
     * Compacted: the latest record of every key, read back by its owner, which dead-letters a record its read model
     * cannot take (a bad record must not stop every replica's global table).
     */
    static <T> TopicSpec<T> compacted(String name, Class<T> type, String owner) {
        return new TopicSpec<>(name, type, owner, owner, Topics.PARTITIONS, true, RETENTION, true);
    }

    /**
     * Compacted, a cache read back by its owner with a plain consumer: a record it cannot read is skipped and fetched
     * again, so no dead-letter topic.
     */
    static <T> TopicSpec<T> cache(String name, Class<T> type, String owner) {
        return new TopicSpec<>(name, type, owner, owner, Topics.PARTITIONS, true, RETENTION, false);
    }

    /**
     * The dead-letter topic ({@code <name>-dlt}, Spring Kafka's default): same record, written by the consumer's
     * recoverer, so the consumer owns it.
     */
    public Optional<TopicSpec<T>> deadLetter() {
        if (!deadLettered || consumer == null) {
            return Optional.empty();
        }
        return Optional.of(new TopicSpec<>(
                Topics.deadLetter(name), type, consumer, null, partitions, false, DEAD_LETTER_RETENTION, false));
    }

    /** Whether a service declares this topic: it writes or reads it. */
    public boolean usedBy(String service) {
        return owner.equals(service) || service.equals(consumer);
    }
}
