package io.itinera.events.generation;

import io.itinera.events.trip.TravelMode;

/**
 * A move between two places of a day's tour.
 *
 * @param from a point-of-interest id, or {@code start}
 * @param to a point-of-interest id, or {@code start}
 */
public record Leg(String from, String to, TravelMode mode, int metres, int minutes) {

    public static final String START = "start";
}
