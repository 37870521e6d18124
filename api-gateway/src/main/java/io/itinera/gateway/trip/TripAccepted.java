package io.itinera.gateway.trip;

import io.itinera.events.trip.TripStatus;

/** The answer to an accepted {@code POST /api/v1/trips}: where to follow the trip. */
record TripAccepted(String id, TripStatus status, TripView.Links links) {}
