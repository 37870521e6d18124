package io.itinera.enrichment.weather;

import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWeather;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The weather of a trip's days and where it came from.
 *
 * @param days the weather by date; a date is missing when nothing is known for it
 * @param sources one entry per source used (a trip may mix forecast days and normal days)
 */
public record WeatherOutlook(Map<LocalDate, DayWeather> days, List<ContextSource> sources) {

    public WeatherOutlook {
        days = Map.copyOf(days);
        sources = List.copyOf(sources);
    }

    public Optional<DayWeather> on(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }
}
