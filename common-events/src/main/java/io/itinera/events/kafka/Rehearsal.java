package io.itinera.events.kafka;

import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * A worker's rehearsal of its own work on made-up or shipped input, before its listeners poll and before their
 * transactional producers open (issue 11): a replica handed partitions back mid-burst then does its first batch with
 * compiled code instead of a cold JVM's. Nothing is published. A rehearsal that fails is logged and the start goes on.
 */
public abstract class Rehearsal extends StartupStep {

    /** Before the listener containers start, and before their transactional producers open. */
    public static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE - 2;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final EventSerializer<Object> serializer = new EventSerializer<>();
    private final EventDeserializer<Object> deserializer = new EventDeserializer<>();
    private final String work;

    /** @param work what one rehearsed item is called in the log, in the plural ("plans") */
    protected Rehearsal(String work) {
        super(PHASE);
        this.work = work;
    }

    /** Rehearses the configured number of items; returns how many came out whole. */
    protected abstract int rehearse();

    /** The event as a listener of {@code topic} receives it: written to bytes and read back, as it would travel. */
    protected final <T> T asReceived(String topic, Object event, Class<T> type) {
        Object received = deserializer.deserialize(topic, serializer.serialize(topic, event));
        if (received == null || !type.isInstance(received)) {
            throw new IllegalStateException("a warm-up " + type.getSimpleName() + " did not read back: " + received);
        }
        @SuppressWarnings("unchecked") // checked by isInstance just above
        T typed = (T) received;
        return typed;
    }

    /** Writes the event to the bytes it would be published as on {@code topic}, and publishes nothing. */
    protected final void writeOut(String topic, Object event) {
        serializer.serialize(topic, event);
    }

    @Override
    protected final void run() {
        long started = System.nanoTime();
        try {
            int done = rehearse();
            log.info(
                    "Warmed up with {} {} in {} ms, before the listeners poll",
                    done,
                    work,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // a rehearsal that fails costs the first batch its speed, never the start
            log.warn("Warm-up {} failed; the listeners start cold: {}", work, e.toString());
        }
    }
}
