package io.itinera.gateway.saga;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * Materialises {@code travel-trips.state} on every replica: the snapshot's bytes into the store as they came (no
 * deserialise-serialise round), then the trip's status, owner and creation time into the {@link TripIndex}, whose watchers then read the store.
 */
final class TripStateProcessor implements Processor<String, TripState, Void, Void> {

    private final String storeName;
    private final TripIndex index;
    private @Nullable KeyValueStore<String, byte[]> store;

    TripStateProcessor(String storeName, TripIndex index) {
        this.storeName = storeName;
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, TripState> record) {
        if (record.key() == null || store == null) {
            return;
        }
        TripState state = record.value();
        if (state == null) {
            store.delete(record.key());
            index.updated(record.key(), null, record.timestamp());
        } else {
            store.put(record.key(), state.json());
            index.updated(record.key(), state.entry(record.key()), record.timestamp());
        }
    }
}
