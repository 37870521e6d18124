package io.itinera.events;

import java.time.Instant;
import java.util.UUID;

/** What every event record carries: a version of its shape, an id for de-duplication, a time, and its record key. */
public interface Event {

    int schemaVersion();

    UUID eventId();

    Instant occurredAt();

    /** The Kafka record key: the trip (or proposal) id. */
    String key();
}
