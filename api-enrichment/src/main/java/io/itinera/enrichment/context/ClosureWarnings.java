package io.itinera.enrichment.context;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PointOfInterest;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Tells the traveller, in plain words, which popular places are closed on which trip days. */
final class ClosureWarnings {

    private final int popularThreshold;

    ClosureWarnings(int popularThreshold) {
        this.popularThreshold = popularThreshold;
    }

    /** One warning per popular place closed on at least one trip day, the most popular first. */
    List<String> of(List<PointOfInterest> pois, List<LocalDate> dates) {
        return pois.stream()
                .filter(poi -> poi.popularity() >= popularThreshold)
                .sorted(Comparator.comparingInt(PointOfInterest::popularity).reversed())
                .map(poi -> warning(poi, closedDates(poi, dates)))
                .flatMap(Optional::stream)
                .toList();
    }

    private static List<LocalDate> closedDates(PointOfInterest poi, List<LocalDate> dates) {
        Set<LocalDate> open = poi.openWindows().stream().map(DayWindows::date).collect(Collectors.toSet());
        return dates.stream().filter(date -> !open.contains(date)).toList();
    }

    private static Optional<String> warning(PointOfInterest poi, List<LocalDate> closed) {
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        List<String> days = closed.stream().map(ClosureWarnings::day).toList();
        String joined = days.size() == 1
                ? days.get(0)
                : String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
        return Optional.of(poi.name() + " is closed on " + joined);
    }

    private static String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
    }
}
