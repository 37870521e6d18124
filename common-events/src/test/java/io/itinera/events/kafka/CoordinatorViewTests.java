package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.kafka.OpenTransactions.Open;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CoordinatorViewTests {

    private static final TopicPartition COMPLETED = new TopicPartition("travel-generation.completed", 1);
    private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 2);
    private static final Open OPEN = new Open(COMPLETED, 7, 3, 0, 1_234);

    @Test
    void aTransactionItsCoordinatorHasUnfinishedOnThatPartitionIsKnown() {
        for (TransactionState unfinished : List.of(
                TransactionState.ONGOING,
                TransactionState.PREPARE_COMMIT,
                TransactionState.PREPARE_ABORT,
                TransactionState.PREPARE_EPOCH_FENCE)) {
            assertThat(CoordinatorView.unknown(Set.of(OPEN), List.of(description(7, unfinished, COMPLETED, OFFSETS))))
                    .as(unfinished.toString())
                    .isEmpty();
        }
    }

    @Test
    void aProducerNoCoordinatorDescribesIsNotJudged() {
        // a broker that does not lead the transaction log yet lists nothing: that proves nothing
        assertThat(CoordinatorView.unknown(Set.of(OPEN), List.of())).isEmpty();
    }

    @Test
    void aTransactionWhoseCoordinatorHasMovedOnIsUnknown() {
        // the producer's next transaction, on other partitions: the one left open on COMPLETED was lost
        assertThat(CoordinatorView.unknown(Set.of(OPEN), List.of(description(7, TransactionState.ONGOING, OFFSETS))))
                .containsExactly(OPEN);
        // finished as far as the coordinator knows, yet still open on the partition
        assertThat(CoordinatorView.unknown(
                        Set.of(OPEN), List.of(description(7, TransactionState.COMPLETE_COMMIT, COMPLETED))))
                .containsExactly(OPEN);
        assertThat(CoordinatorView.unknown(Set.of(OPEN), List.of(description(7, TransactionState.EMPTY))))
                .containsExactly(OPEN);
    }

    @Test
    void anotherProducersTransactionNeitherVouchesForItNorCondemnsIt() {
        assertThat(CoordinatorView.unknown(Set.of(OPEN), List.of(description(8, TransactionState.ONGOING, COMPLETED))))
                .isEmpty();
        assertThat(CoordinatorView.unknown(Set.of(OPEN), List.of(description(8, TransactionState.COMPLETE_ABORT))))
                .isEmpty();
    }

    private static TransactionDescription description(
            long producerId, TransactionState state, TopicPartition... partitions) {
        return new TransactionDescription(1, state, producerId, 3, 6_000, OptionalLong.of(0), Set.of(partitions));
    }
}
