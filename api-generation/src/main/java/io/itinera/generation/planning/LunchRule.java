package io.itinera.generation.planning;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Interest;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lunch rule as a reader of the plan sees it: a tour under way between the earliest and the latest lunch start
 * says {@code Lunch HH:mm–HH:mm} in its summary; the pause starts in time, lasts as long as configured, and falls
 * between visits or inside a visit of a food place.
 */
final class LunchRule {

    private final GenerationProperties.Lunch lunch;

    LunchRule(GenerationProperties.Lunch lunch) {
        this.lunch = lunch;
    }

    void check(ItineraryDay day, Places places, Consumer<String> violations) {
        Optional<LunchPause> found = LunchPause.in(day.summary());
        int tourStart = minuteOf(day.start());
        int tourEnd = minuteOf(day.end());
        if (found.isEmpty()) {
            if (tourEnd > lunch.earliestMinute() && tourStart < lunch.latestMinute()) {
                violations.accept("the tour (%s–%s) is under way at lunch time but has no lunch pause"
                        .formatted(Minutes.format(tourStart), Minutes.format(tourEnd)));
            }
            return;
        }
        LunchPause pause = found.get();
        String text = Minutes.format(pause.start()) + "–" + Minutes.format(pause.end());
        if (pause.start() < lunch.earliestMinute() || pause.start() > lunch.latestMinute()) {
            violations.accept(
                    "lunch %s starts outside %s–%s".formatted(text, lunch.earliestStart(), lunch.latestStart()));
        }
        if (pause.end() - pause.start() != lunch.minutes()) {
            violations.accept("lunch %s does not last %d minutes".formatted(text, lunch.minutes()));
        }
        if (pause.start() < tourStart || pause.end() > tourEnd) {
            violations.accept("lunch %s is outside the tour".formatted(text));
        }
        for (Stop stop : day.stops()) {
            int arrival = minuteOf(stop.arrival());
            int departure = minuteOf(stop.departure());
            boolean overlaps = pause.start() < departure && arrival < pause.end();
            boolean servesAsLunch = isFood(stop, places) && arrival <= pause.start() && pause.end() <= departure;
            if (overlaps && !servesAsLunch) {
                violations.accept("lunch %s overlaps the visit of %s".formatted(text, stop.poiId()));
            }
        }
    }

    /** The lunch minutes that fall between two moments of the tour, so that travel cannot use them. */
    int minutesBetween(ItineraryDay day, OffsetDateTime from, OffsetDateTime to) {
        return LunchPause.in(day.summary())
                .filter(pause -> pause.start() >= minuteOf(from) && pause.end() <= minuteOf(to))
                .map(pause -> pause.end() - pause.start())
                .orElse(0);
    }

    private static boolean isFood(Stop stop, Places places) {
        PointOfInterest poi = places.poi(stop.poiId());
        return (poi == null ? stop.category() : poi.category()) == Interest.FOOD;
    }

    private static int minuteOf(OffsetDateTime time) {
        return Minutes.of(time.toLocalTime());
    }
}
