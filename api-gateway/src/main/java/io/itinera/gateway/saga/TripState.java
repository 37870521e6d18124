package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;

/**
 * One record of {@code travel-trips.state} as the read model takes it: the snapshot's JSON, kept as it came, and the
 * trip's status, read from the record's header when the saga wrote one and from the JSON otherwise.
 */
record TripState(byte[] json, TripStatus status) {}
