package io.itinera.events.trip;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.itinera.events.Event;

/**
 * A command from the gateway's HTTP layer to its saga, named as an order (facts are past tense); a short type token
 * names it on the wire. The tokens before the rename ({@code trip-submitted}, {@code trip-cancelled}) are still read,
 * so commands written by an older gateway during a rolling update keep working.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(
            value = SubmitTrip.class,
            names = {"submit-trip", "trip-submitted"}),
    @JsonSubTypes.Type(
            value = CancelTrip.class,
            names = {"cancel-trip", "trip-cancelled"}),
    @JsonSubTypes.Type(value = EraseTrip.class, name = "erase-trip")
})
public sealed interface TripCommand extends Event permits SubmitTrip, CancelTrip, EraseTrip {

    String tripId();
}
