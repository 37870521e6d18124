package io.itinera.gateway.saga;

import io.itinera.events.proposal.ProposalSnapshot;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Materialises {@code travel-proposal.state} on every replica and then tells the proposal's followers, so that a live
 * stream reads its proposal again when it changed instead of polling the store.
 */
final class ProposalStateProcessor implements Processor<String, ProposalSnapshot, Void, Void> {

    private final String storeName;
    private final UpdateWatchers followers;
    private @Nullable KeyValueStore<String, ProposalSnapshot> store;

    ProposalStateProcessor(String storeName, UpdateWatchers followers) {
        this.storeName = storeName;
        this.followers = followers;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ProposalSnapshot> record) {
        if (record.key() == null || store == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        followers.updated(record.key());
    }
}
