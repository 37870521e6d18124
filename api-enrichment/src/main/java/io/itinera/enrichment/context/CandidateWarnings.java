package io.itinera.enrichment.context;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Warns when a trip is longer than its candidates can fill, so that a 21-day trip that thins out to a stop or two a
 * day says why and what to do, instead of leaving the traveller to guess. A day's room is the pace's hours less a lunch
 * pause; a place takes its visit, the pace's slack and a typical walk to it.
 */
final class CandidateWarnings {

    static final int LUNCH_MINUTES = 60;
    static final int WALK_MINUTES = 15;

    /** The warning, when the places open on some trip day would fill fewer days than the trip has. */
    Optional<String> exhausted(TripRequest request, String city, List<PointOfInterest> pois) {
        int days = request.days();
        List<PointOfInterest> open = pois.stream()
                .filter(poi -> poi.visitMinutes() > 0 && !poi.openWindows().isEmpty())
                .toList();
        Pace pace = request.pace();
        long perDay = Duration.between(pace.dayStart(), pace.dayEnd()).toMinutes() - LUNCH_MINUTES;
        long needed = open.stream()
                .mapToLong(poi -> poi.visitMinutes() + pace.slackMinutes() + WALK_MINUTES)
                .sum();
        long filled = (needed + perDay - 1) / perDay;
        // Without any place the trip fails with its own reason; with one day there are no fewer days to suggest.
        if (open.isEmpty() || days < 2 || filled >= days) {
            return Optional.empty();
        }
        long matching = open.stream()
                .filter(poi -> request.interests().contains(poi.category()))
                .count();
        return Optional.of(("%s has %d places to visit during your trip (%d for your interests), about %d %s at a %s"
                        + " pace: the other %s will be light or empty. Fewer days, or broader interests, give"
                        + " fuller days.")
                .formatted(
                        city,
                        open.size(),
                        matching,
                        filled,
                        filled == 1 ? "day's worth" : "days' worth",
                        pace.name().toLowerCase(Locale.ROOT),
                        days - filled == 1 ? "day" : (days - filled) + " days"));
    }
}
