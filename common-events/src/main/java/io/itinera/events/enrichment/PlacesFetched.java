package io.itinera.events.enrichment;

import io.itinera.events.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The places a live provider gave for one destination, keyed by the destination id on a compacted topic, so that every
 * api-enrichment replica serves them without asking the provider again until they are older than the refresh age.
 *
 * @param source the provider, e.g. {@code overpass}
 * @param fetchedAt when the provider answered
 */
public record PlacesFetched(
        int schemaVersion,
        UUID eventId,
        Instant occurredAt,
        String destinationId,
        String source,
        Instant fetchedAt,
        List<Place> places)
        implements Event {

    public static final int SCHEMA_VERSION = 1;

    public PlacesFetched {
        places = List.copyOf(places);
    }

    @Override
    public String key() {
        return destinationId;
    }

    public static PlacesFetched of(String destinationId, String source, Instant fetchedAt, List<Place> places) {
        return new PlacesFetched(
                SCHEMA_VERSION, UUID.randomUUID(), Instant.now(), destinationId, source, fetchedAt, places);
    }
}
