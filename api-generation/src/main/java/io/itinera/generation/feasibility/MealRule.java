package io.itinera.generation.feasibility;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Meal;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Interest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.MealPause;
import io.itinera.generation.planning.Minutes;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The meal rules as a reader of the plan sees them: a tour under way between the earliest and the latest start of a
 * meal (lunch, and dinner on days that run late) has that meal; it starts in time, lasts as long as configured, and
 * falls between visits or inside a visit of a food place. Meals are read from the day's {@code meals}, or, for plans
 * that predate them, the lunch from the summary ({@code Lunch HH:mm–HH:mm}).
 */
final class MealRule {

    private record Spec(String kind, int earliest, int latest, int minutes) {

        Spec(String kind, GenerationProperties.MealWindow window) {
            this(kind, window.earliestMinute(), window.latestMinute(), window.minutes());
        }
    }

    private final List<Spec> specs;

    MealRule(GenerationProperties.MealWindow lunch, GenerationProperties.MealWindow dinner) {
        this.specs = List.of(new Spec(Meal.LUNCH, lunch), new Spec(Meal.DINNER, dinner));
    }

    void check(ItineraryDay day, Places places, Consumer<String> violations) {
        int tourStart = minuteOf(day.start());
        int tourEnd = minuteOf(day.end());
        List<MealPause> pauses = pauses(day);
        for (Spec spec : specs) {
            Optional<MealPause> found =
                    pauses.stream().filter(p -> p.kind().equals(spec.kind())).findFirst();
            if (found.isEmpty()) {
                if (tourEnd > spec.earliest() && tourStart < spec.latest()) {
                    violations.accept("the tour (%s–%s) is under way at %s time but has no %s pause"
                            .formatted(Minutes.format(tourStart), Minutes.format(tourEnd), spec.kind(), spec.kind()));
                }
                continue;
            }
            checkPause(day, places, spec, found.get(), tourStart, tourEnd, violations);
        }
    }

    private static void checkPause(
            ItineraryDay day,
            Places places,
            Spec spec,
            MealPause pause,
            int tourStart,
            int tourEnd,
            Consumer<String> violations) {
        String text = Minutes.format(pause.start()) + "–" + Minutes.format(pause.end());
        String name = spec.kind();
        if (pause.start() < spec.earliest() || pause.start() > spec.latest()) {
            violations.accept("%s %s starts outside %s–%s"
                    .formatted(name, text, Minutes.format(spec.earliest()), Minutes.format(spec.latest())));
        }
        if (pause.end() - pause.start() != spec.minutes()) {
            violations.accept("%s %s does not last %d minutes".formatted(name, text, spec.minutes()));
        }
        if (pause.start() < tourStart || pause.end() > tourEnd) {
            violations.accept("%s %s is outside the tour".formatted(name, text));
        }
        for (Stop stop : day.stops()) {
            int arrival = minuteOf(stop.arrival());
            int departure = minuteOf(stop.departure());
            boolean overlaps = pause.start() < departure && arrival < pause.end();
            boolean servesAsMeal = isFood(stop, places) && arrival <= pause.start() && pause.end() <= departure;
            if (overlaps && !servesAsMeal) {
                violations.accept("%s %s overlaps the visit of %s".formatted(name, text, stop.poiId()));
            }
        }
    }

    /** The meal minutes that fall between two moments of the tour, so that travel cannot use them. */
    int minutesBetween(ItineraryDay day, OffsetDateTime from, OffsetDateTime to) {
        return pauses(day).stream()
                .filter(pause -> pause.start() >= minuteOf(from) && pause.end() <= minuteOf(to))
                .mapToInt(pause -> pause.end() - pause.start())
                .sum();
    }

    private static List<MealPause> pauses(ItineraryDay day) {
        if (day.meals() != null) {
            return day.meals().stream()
                    .map(meal -> new MealPause(
                            minuteOf(meal.start()), minuteOf(meal.end()), meal.place(), meal.poiId(), meal.kind()))
                    .toList();
        }
        return MealPause.in(day.summary()).stream().toList();
    }

    private static boolean isFood(Stop stop, Places places) {
        PointOfInterest poi = places.poi(stop.poiId());
        return (poi == null ? stop.category() : poi.category()) == Interest.FOOD;
    }

    private static int minuteOf(OffsetDateTime time) {
        return Minutes.of(time.toLocalTime());
    }
}
