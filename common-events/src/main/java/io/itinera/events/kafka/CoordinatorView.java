package io.itinera.events.kafka;

import io.itinera.events.kafka.OpenTransactions.Open;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * What the transaction coordinators know of the transactions open on partitions. A producer adds a partition to its
 * transaction at its coordinator before it writes there, so a transaction open on a partition that no coordinator
 * knows as ongoing on that partition is one the coordinator lost (ADR 0011): nothing will ever end it. Asking tells
 * so within seconds instead of after {@code after} (60 s); it needs Describe on every transactional id, since
 * ListTransactions leaves out the transactions the caller may not describe, which would then look lost too.
 */
final class CoordinatorView {

    /** A coordinator in these states still writes the transaction's markers, to every partition it knows. */
    private static final Set<TransactionState> UNFINISHED = EnumSet.of(
            TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT,
            TransactionState.PREPARE_EPOCH_FENCE);

    private CoordinatorView() {}

    /**
     * The transactions of {@code open} that no coordinator knows as unfinished on their partition. Throws when a
     * coordinator does not answer (not loaded yet after a restart, for instance): no answer proves nothing.
     */
    static Set<Open> unknown(Admin client, Set<Open> open, long timeoutMs) throws Exception {
        if (open.isEmpty()) {
            return Set.of();
        }
        Set<Long> producers = open.stream().map(Open::producerId).collect(Collectors.toSet());
        Collection<TransactionListing> listings = client.listTransactions(
                        new ListTransactionsOptions().filterProducerIds(producers))
                .all()
                .get(timeoutMs, TimeUnit.MILLISECONDS);
        Set<String> ids =
                listings.stream().map(TransactionListing::transactionalId).collect(Collectors.toSet());
        Collection<TransactionDescription> known = ids.isEmpty()
                ? Set.of()
                : client.describeTransactions(ids)
                        .all()
                        .get(timeoutMs, TimeUnit.MILLISECONDS)
                        .values();
        return unknown(open, known);
    }

    /** The transactions of {@code open} that none of {@code known} has unfinished on their partition. */
    static Set<Open> unknown(Set<Open> open, Collection<TransactionDescription> known) {
        return open.stream()
                .filter(transaction -> known.stream().noneMatch(description -> holds(description, transaction)))
                .collect(Collectors.toSet());
    }

    private static boolean holds(TransactionDescription description, Open transaction) {
        return description.producerId() == transaction.producerId()
                && UNFINISHED.contains(description.state())
                && description.topicPartitions().contains(transaction.partition());
    }
}
