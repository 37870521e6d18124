package io.itinera.events.trip;

/** How the traveller moves between stops. */
public enum TravelMode {
    WALK,
    TRANSIT
}
