package io.itinera.events.trip;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.itinera.events.Event;

/** A command from the gateway's HTTP layer to its saga; a short type token names it on the wire. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TripSubmitted.class, name = "trip-submitted"),
    @JsonSubTypes.Type(value = TripCancelled.class, name = "trip-cancelled")
})
public sealed interface TripCommand extends Event permits TripSubmitted, TripCancelled {

    String tripId();
}
