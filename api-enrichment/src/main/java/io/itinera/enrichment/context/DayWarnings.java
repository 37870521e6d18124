package io.itinera.enrichment.context;

import io.itinera.enrichment.calendar.Holidays;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.TripDay;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Warnings about the days themselves: holidays that close places, early sunsets, forecast rain. */
final class DayWarnings {

    static final LocalTime EARLY_SUNSET = LocalTime.of(17, 0);
    /** A holiday "closes much of the city" when at least this share of the places open on a normal such day close. */
    static final double MANY_CLOSED = 0.2;

    List<String> holidays(List<TripDay> days, List<CatalogPoi> candidates, Holidays holidays) {
        return days.stream()
                .filter(day -> day.holiday() != null)
                .map(day -> holiday(day, candidates, holidays.dates()))
                .toList();
    }

    private static String holiday(TripDay day, List<CatalogPoi> candidates, Set<LocalDate> holidays) {
        LocalDate date = day.date();
        List<CatalogPoi> usuallyOpen = candidates.stream()
                .filter(poi -> !poi.openingHours().windowsOn(date, Set.of()).isEmpty())
                .toList();
        long closed = usuallyOpen.stream()
                .filter(poi -> poi.openingHours().windowsOn(date, holidays).isEmpty())
                .count();
        String opening = "%s is a public holiday (%s)".formatted(day(date), day.holiday());
        if (closed > 0 && closed >= MANY_CLOSED * usuallyOpen.size()) {
            return "%s: %d of the %d places usually open that day close".formatted(opening, closed, usuallyOpen.size());
        }
        return closed == 0
                ? opening + "; the candidate places keep their usual hours"
                : "%s; %d of the %d places usually open that day close".formatted(opening, closed, usuallyOpen.size());
    }

    Optional<String> earlySunset(List<TripDay> days) {
        List<String> early = days.stream()
                .filter(day -> day.sunset() != null && day.sunset().isBefore(EARLY_SUNSET))
                .map(day -> "%s (%s)".formatted(day(day.date()), day.sunset()))
                .toList();
        if (early.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The sun sets before 17:00 on " + joined(early) + ": plan outdoor visits early");
    }

    List<String> rain(List<TripDay> days) {
        return days.stream()
                .filter(day -> day.weather() != null && day.weather().rainy())
                .map(day -> {
                    DayWeather weather = day.weather();
                    String detail = weather.precipitationChance() == null
                            ? String.format(Locale.ROOT, "%.1f mm", weather.precipitationMm())
                            : String.format(
                                    Locale.ROOT,
                                    "%d%% chance, %.1f mm",
                                    weather.precipitationChance(),
                                    weather.precipitationMm());
                    return "Rain is forecast on %s (%s): indoor places are the safer choice"
                            .formatted(day(day.date()), detail);
                })
                .toList();
    }

    static String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date;
    }

    private static String joined(List<String> items) {
        return items.size() == 1
                ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
