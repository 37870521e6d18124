package io.itinera.generation.planners;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Meal;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.generation.planning.GenerationProperties;
import io.itinera.generation.planning.Minutes;
import io.itinera.generation.planning.TravelTimes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one searched tour as a day of the itinerary: stops with their local times, the legs between them, meal pauses,
 * the day's score (with the same diminishing returns the search used), a summary and an explanation.
 */
final class DayWriter {

    private final TripModel model;
    private final TravelTimes travel;
    private final int slack;
    private final Explanations explanations;

    DayWriter(TripModel model, TravelTimes travel, GenerationProperties properties) {
        this.model = model;
        this.travel = travel;
        this.slack = model.request.pace().slackMinutes();
        this.explanations = new Explanations(model);
    }

    ItineraryDay write(int d, int[] nodes, int[] starts) {
        TripDay day = model.context.days().get(d);
        ZoneOffset offset = ZoneOffset.of(day.utcOffset());
        int dayStart = Minutes.ceil(model.request.pace().dayStart());
        List<Stop> stops = new ArrayList<>();
        List<Leg> legs = new ArrayList<>();
        List<Meal> meals = new ArrayList<>();
        List<PointOfInterest> visited = new ArrayList<>();
        String hereId = Leg.START;
        GeoPoint here = model.home;
        PointOfInterest previous = null;
        int tourStart = -1;
        int readyAt = -1;
        for (int i = 0; i < nodes.length; i++) {
            int node = nodes[i];
            int start = starts[i];
            if (model.isMeal(node)) {
                int length = mealMinutes(node);
                PointOfInterest food =
                        previous != null && previous.category() == Interest.FOOD && readyAt == start ? previous : null;
                meals.add(new Meal(
                        model.mealOf[node] == TripModel.LUNCH ? Meal.LUNCH : Meal.DINNER,
                        at(day, start, offset),
                        at(day, start + length, offset),
                        food != null ? food.id() : null,
                        food != null ? food.name() : null));
                if (tourStart < 0) {
                    tourStart = start;
                }
                readyAt = start + length;
                previous = null;
                continue;
            }
            PointOfInterest poi = model.placeOfNode(node);
            Leg leg = travel.leg(hereId, here, poi.id(), poi.location(), model.request.modeOrDefault());
            if (tourStart < 0) {
                tourStart = start - leg.minutes();
            }
            legs.add(leg);
            stops.add(new Stop(
                    poi.id(),
                    poi.name(),
                    poi.category(),
                    poi.location().lat(),
                    poi.location().lon(),
                    at(day, start, offset),
                    at(day, start + poi.visitMinutes(), offset)));
            visited.add(poi);
            hereId = poi.id();
            here = poi.location();
            previous = poi;
            readyAt = start + poi.visitMinutes() + slack;
        }
        if (stops.isEmpty()) {
            String why = explanations.whyEmpty(d);
            OffsetDateTime at = at(day, dayStart, offset);
            return new ItineraryDay(day.date(), at, at, List.of(), List.of(), 0.0, why, List.of(), why);
        }
        Leg back = travel.leg(hereId, here, Leg.START, model.home, model.request.modeOrDefault());
        legs.add(back);
        int end = readyAt + back.minutes();
        double score = dayScore(d, visited);
        return new ItineraryDay(
                day.date(),
                at(day, tourStart, offset),
                at(day, end, offset),
                List.copyOf(stops),
                List.copyOf(legs),
                Math.round(score * 1000) / 1000.0,
                summary(stops, legs, meals),
                List.copyOf(meals),
                explanations.of(d, visited, meals));
    }

    private int mealMinutes(int node) {
        return model.mealOf[node] == TripModel.LUNCH ? model.lunchMinutes : model.dinnerMinutes;
    }

    /** The day's value as the search counts it: per category, the best place fully, the next ones less and less. */
    private double dayScore(int d, List<PointOfInterest> visited) {
        Map<Interest, List<Double>> byCategory = new EnumMap<>(Interest.class);
        for (PointOfInterest poi : visited) {
            byCategory
                    .computeIfAbsent(poi.category(), c -> new ArrayList<>())
                    .add(model.scoring.onDay(poi, model.request, model.outdoorPenalty[d]));
        }
        double total = 0;
        for (List<Double> values : byCategory.values()) {
            values.sort(Comparator.reverseOrder());
            double factor = 1;
            for (double value : values) {
                total += value * factor;
                factor *= model.scoring.repeatedCategoryFactor();
            }
        }
        return total;
    }

    private static String summary(List<Stop> stops, List<Leg> legs, List<Meal> meals) {
        double km = legs.stream().mapToInt(Leg::metres).sum() / 1000.0;
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT, "%d %s, %.1f km between places.", stops.size(), stops.size() == 1 ? "stop" : "stops", km));
        for (Meal meal : meals) {
            text.append(' ').append(describe(meal)).append('.');
        }
        return text.toString();
    }

    static String describe(Meal meal) {
        String kind = meal.kind().equals(Meal.LUNCH) ? "Lunch" : "Dinner";
        String text = kind + " " + Minutes.format(Minutes.of(meal.start().toLocalTime())) + "–"
                + Minutes.format(Minutes.of(meal.end().toLocalTime()));
        return meal.place() == null ? text : text + " at " + meal.place();
    }

    private static OffsetDateTime at(TripDay day, int minute, ZoneOffset offset) {
        return Minutes.at(day.date(), minute, offset);
    }
}
