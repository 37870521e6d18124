package io.itinera.events;

import java.time.Duration;

/**
 * The shape of one topic: who writes it, how many partitions, whether it is compacted, how long records live.
 *
 * @param retention how long records are kept; ignored for compacted topics, which keep the latest record per key
 */
public record TopicSpec(String name, String owner, int partitions, boolean compacted, Duration retention) {

    static TopicSpec events(String name, String owner) {
        return new TopicSpec(name, owner, Topics.PARTITIONS, false, Duration.ofDays(7));
    }

    static TopicSpec compacted(String name, String owner) {
        return new TopicSpec(name, owner, Topics.PARTITIONS, true, Duration.ofDays(7));
    }

    /** Dead letters are kept longer so that an operator has time to look at them. */
    static TopicSpec deadLetter(String source, String owner) {
        return new TopicSpec(Topics.deadLetter(source), owner, Topics.PARTITIONS, false, Duration.ofDays(30));
    }
}
