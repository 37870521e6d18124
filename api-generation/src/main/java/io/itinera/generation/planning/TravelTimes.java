package io.itinera.generation.planning;

import io.itinera.events.generation.Leg;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.TravelMode;

/**
 * The travel model: street distance is the great-circle distance times a detour factor; walking goes at a steady
 * speed; public transport adds a fixed wait to a faster ride but is not worth it for short hops, which are walked.
 */
public final class TravelTimes {

    private final GenerationProperties.Travel travel;

    public TravelTimes(GenerationProperties.Travel travel) {
        this.travel = travel;
    }

    /** The leg between two places for the traveller's chosen mode; its mode is the one actually used. */
    public Leg leg(String fromId, GeoPoint from, String toId, GeoPoint to, TravelMode chosen) {
        int metres = (int) Math.round(from.metresTo(to) * travel.detourFactor());
        if (chosen == TravelMode.TRANSIT && metres >= travel.transitMinMetres()) {
            return new Leg(fromId, toId, TravelMode.TRANSIT, metres, transitMinutes(metres));
        }
        return new Leg(fromId, toId, TravelMode.WALK, metres, minutesAt(metres, travel.walkingKmh()));
    }

    /** The minutes of the leg between two places, without building the leg. */
    public int minutes(GeoPoint from, GeoPoint to, TravelMode chosen) {
        int metres = (int) Math.round(from.metresTo(to) * travel.detourFactor());
        if (chosen == TravelMode.TRANSIT && metres >= travel.transitMinMetres()) {
            return transitMinutes(metres);
        }
        return minutesAt(metres, travel.walkingKmh());
    }

    private int transitMinutes(int metres) {
        return travel.transitWaitMinutes() + minutesAt(metres, travel.transitKmh());
    }

    private static int minutesAt(int metres, double kmh) {
        double metresPerMinute = kmh * 1000 / 60;
        return (int) Math.ceil(metres / metresPerMinute - 1e-9);
    }
}
