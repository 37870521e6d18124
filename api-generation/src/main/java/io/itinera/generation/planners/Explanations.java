package io.itinera.generation.planners;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Meal;
import io.itinera.events.trip.Interest;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Short, plain-language accounts of a planned day: what it is about, what it fits around, and why. */
final class Explanations {

    private final TripModel model;

    Explanations(TripModel model) {
        this.model = model;
    }

    String of(int d, List<PointOfInterest> visited, List<Meal> meals) {
        TripDay day = model.context.days().get(d);
        List<String> sentences = new ArrayList<>();
        String weekday = day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        sentences.add("%s: %s, from %s to %s"
                .formatted(
                        weekday,
                        themes(visited),
                        visited.get(0).name(),
                        visited.get(visited.size() - 1).name()));
        List<String> mustSee = visited.stream()
                .filter(poi -> model.request.mustSeeOrEmpty().contains(poi.id()))
                .map(PointOfInterest::name)
                .toList();
        if (!mustSee.isEmpty()) {
            sentences.add("Includes your must-see " + String.join(" and ", mustSee));
        }
        meals.stream().map(DayWriter::describe).forEach(sentences::add);
        long outdoor = visited.stream().filter(poi -> !poi.indoor()).count();
        double wet = model.wetness[d];
        double wettest = max(model.wetness);
        if (wet >= 0.5) {
            sentences.add("Rain is likely, so %d of the %d stops are indoors"
                    .formatted(visited.size() - outdoor, visited.size()));
        } else if (wettest >= 0.5 && outdoor > 0) {
            sentences.add("Outdoor places are kept for this drier day");
        }
        if (day.holiday() != null) {
            sentences.add("Public holiday (" + day.holiday() + "): places closed today are planned on other days");
        }
        return String.join(". ", sentences) + ".";
    }

    String whyEmpty(int d) {
        TripDay day = model.context.days().get(d);
        boolean anyOpen = model.places.stream()
                .anyMatch(poi -> poi.openWindows().stream()
                        .anyMatch(
                                w -> w.date().equals(day.date()) && !w.windows().isEmpty()));
        return anyOpen
                ? "Nothing to visit on " + day.date() + ": what is open that day is planned better on other days or"
                        + " does not fit the day's hours."
                : "Nothing to visit on " + day.date() + ": every place is closed that day.";
    }

    /** "history and viewpoints" from the day's two most frequent categories. */
    private static String themes(List<PointOfInterest> visited) {
        Map<Interest, Long> counts = new EnumMap<>(Interest.class);
        visited.forEach(poi -> counts.merge(poi.category(), 1L, Long::sum));
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<Interest, Long>comparingByValue().reversed())
                .limit(2)
                .map(e -> e.getKey().wireName())
                .collect(Collectors.toList());
        String stops = visited.size() + (visited.size() == 1 ? " stop" : " stops");
        return stops + " of " + String.join(" and ", top);
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
