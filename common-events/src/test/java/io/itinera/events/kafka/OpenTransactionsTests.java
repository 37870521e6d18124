package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.kafka.OpenTransactions.Open;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OpenTransactionsTests {

    private static final Instant T0 = Instant.parse("2026-12-04T17:00:00Z");
    private static final TopicPartition PARTITION = new TopicPartition("travel-generation.completed", 0);

    private final OpenTransactions open = new OpenTransactions(Duration.ofMinutes(2));

    @Test
    void aTransactionOpenWithoutABreakForTheWholeDurationIsHanging() {
        Open transaction = new Open(PARTITION, 1, 148, 2, 405);

        assertThat(open.hanging(Set.of(transaction), T0)).isEmpty();
        assertThat(open.hanging(Set.of(transaction), T0.plusSeconds(119))).isEmpty();
        assertThat(open.hanging(Set.of(transaction), T0.plusSeconds(120))).containsExactly(transaction);
    }

    @Test
    void transactionsThatEndBetweenTwoSweepsStartAfreshEvenWithTheSameProducer() {
        Open first = new Open(PARTITION, 1, 148, 2, 405);
        Open next = new Open(PARTITION, 1, 149, 2, 409);

        open.hanging(Set.of(first), T0);
        assertThat(open.hanging(Set.of(next), T0.plusSeconds(60))).isEmpty();
        assertThat(open.hanging(Set.of(next), T0.plusSeconds(150))).isEmpty();
        assertThat(open.hanging(Set.of(next), T0.plusSeconds(180))).containsExactly(next);
        assertThat(open.hanging(Set.of(), T0.plusSeconds(181))).isEmpty();
    }
}
