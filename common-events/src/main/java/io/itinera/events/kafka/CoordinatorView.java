package io.itinera.events.kafka;

import io.itinera.events.kafka.OpenTransactions.Open;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTransactionsResult;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * What the transaction coordinators know of the transactions open on partitions. A producer adds a partition to its
 * transaction at its coordinator before it writes there, and the coordinator keeps the transaction unfinished until
 * every such partition has its marker; so a transaction open on a partition that its coordinator describes as not
 * holding that partition is one the coordinator lost (ADR 0011): nothing will ever end it.
 *
 * <p>Only a description is evidence. A producer that ListTransactions does not list proves nothing: a broker that does
 * not lead the transaction log's partitions yet (the first seconds after a restart) lists nothing without an error,
 * and a caller without Describe on a transactional id is not shown it. DescribeTransactions, on the other hand, fails
 * while its coordinator is loading or elsewhere.
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
     * The transactions of {@code open} whose producer's coordinator describes a transaction that does not hold their
     * partition. Throws when listing fails; a transactional id whose description fails is left out.
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
        if (listings.isEmpty()) {
            return Set.of();
        }
        DescribeTransactionsResult described = client.describeTransactions(
                listings.stream().map(TransactionListing::transactionalId).collect(Collectors.toSet()));
        List<TransactionDescription> known = new ArrayList<>();
        for (TransactionListing listing : listings) {
            try {
                known.add(described.description(listing.transactionalId()).get(timeoutMs, TimeUnit.MILLISECONDS));
            } catch (ExecutionException unanswered) {
                // its coordinator is loading or moved: no evidence either way
            }
        }
        return unknown(open, known);
    }

    /**
     * The transactions of {@code open} whose producer is described in {@code known}, by a transaction that is finished
     * or does not hold their partition. A producer not described is not judged.
     */
    static Set<Open> unknown(Set<Open> open, Collection<TransactionDescription> known) {
        return open.stream()
                .filter(transaction -> {
                    List<TransactionDescription> ofProducer = known.stream()
                            .filter(description -> description.producerId() == transaction.producerId())
                            .toList();
                    return !ofProducer.isEmpty()
                            && ofProducer.stream().noneMatch(description -> holds(description, transaction));
                })
                .collect(Collectors.toSet());
    }

    private static boolean holds(TransactionDescription description, Open transaction) {
        return UNFINISHED.contains(description.state())
                && description.topicPartitions().contains(transaction.partition());
    }
}
