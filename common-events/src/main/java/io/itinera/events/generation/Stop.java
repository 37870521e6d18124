package io.itinera.events.generation;

import io.itinera.events.trip.Interest;
import java.time.OffsetDateTime;

/** A visit to a point of interest, with local arrival and departure times. */
public record Stop(
        String poiId,
        String name,
        Interest category,
        double lat,
        double lon,
        OffsetDateTime arrival,
        OffsetDateTime departure) {}
