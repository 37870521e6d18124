package io.itinera.events.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The transactions open on the partitions a service reads, sweep after sweep, and which of them have stayed open for
 * so long that no live producer can be behind them: a transaction ends within its producer's
 * {@code transaction.timeout.ms} (6–45 s here), since the coordinator aborts it then. One that stays open anyway lost
 * its coordinator's record (seen after a broker's {@code kill -9}, ADR 0011): a read_committed consumer cannot read
 * past its first offset, so the partition stalls until someone writes its abort marker.
 */
final class OpenTransactions {

    /** One transaction open on one partition, as the partition's leader describes its producers. */
    record Open(TopicPartition partition, long producerId, int producerEpoch, int coordinatorEpoch, long startOffset) {}

    private final Duration hangingAfter;
    private final Map<Open, Instant> firstSeen = new HashMap<>();

    OpenTransactions(Duration hangingAfter) {
        this.hangingAfter = hangingAfter;
    }

    /**
     * Takes a sweep's view in and answers the transactions open without a break since at least {@code hangingAfter}.
     * One that ended (or moved on to another start offset) is forgotten, so its successor starts afresh.
     */
    synchronized List<Open> hanging(Set<Open> openNow, Instant now) {
        firstSeen.keySet().retainAll(openNow);
        openNow.forEach(open -> firstSeen.putIfAbsent(open, now));
        return firstSeen.entrySet().stream()
                .filter(seen -> !seen.getValue().plus(hangingAfter).isAfter(now))
                .map(Map.Entry::getKey)
                .sorted((a, b) ->
                        a.partition().toString().compareTo(b.partition().toString()))
                .toList();
    }
}
