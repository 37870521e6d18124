package io.itinera.enrichment.weather;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.Providers;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWeather;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Gives each trip day its weather: Open-Meteo's forecast for the days within its horizon when the provider is on and
 * answers; the shipped monthly normals of the nearest city otherwise, saying which fallback was used and why.
 */
@Component
public class WeatherForecaster {

    public static final String PART = "weather";
    static final int RAINY_CHANCE = 60;
    static final double RAINY_MM = 5.0;

    private final OpenMeteoClient openMeteo;
    private final ClimateNormals normals;
    private final Clock clock;
    private final int forecastDays;

    public WeatherForecaster(Providers providers, ClimateNormals normals, Clock clock, WeatherProperties properties) {
        this.openMeteo = new OpenMeteoClient(providers.openMeteo());
        this.normals = normals;
        this.clock = clock;
        this.forecastDays = properties.forecastDays();
    }

    public WeatherOutlook outlook(CatalogDestination destination, List<LocalDate> dates) {
        LocalDate today = LocalDate.now(clock.withZone(destination.timeZone()));
        LocalDate horizon = today.plusDays(forecastDays - 1L);
        List<LocalDate> forecastable = dates.stream()
                .filter(date -> !date.isBefore(today) && !date.isAfter(horizon))
                .toList();
        Map<LocalDate, DayWeather> days = new LinkedHashMap<>();
        List<ContextSource> sources = new ArrayList<>();
        String fallbackReason = null;
        if (openMeteo.enabled() && !forecastable.isEmpty()) {
            ProviderResult<Map<LocalDate, DayForecast>> forecast =
                    openMeteo.daily(destination, forecastable.get(0), forecastable.get(forecastable.size() - 1));
            Map<LocalDate, DayForecast> daily = forecast.value();
            if (daily != null) {
                forecastable.forEach(date -> Optional.ofNullable(daily.get(date))
                        .flatMap(day -> weather(day, forecast))
                        .ifPresent(weather -> days.put(date, weather)));
                sources.add(new ContextSource(PART, Providers.OPEN_METEO, false, null, forecast.fetchedAt()));
            } else {
                fallbackReason = forecast.failure();
            }
        }
        List<LocalDate> rest =
                dates.stream().filter(date -> !days.containsKey(date)).toList();
        if (!rest.isEmpty()) {
            sources.add(normalsFor(destination, rest, days, fallbackReason, forecastable));
        }
        return new WeatherOutlook(days, sources);
    }

    private ContextSource normalsFor(
            CatalogDestination destination,
            List<LocalDate> dates,
            Map<LocalDate, DayWeather> days,
            @Nullable String failure,
            List<LocalDate> forecastable) {
        Optional<ClimateNormals.City> city = normals.near(destination.centre());
        String reason = failure != null
                ? failure
                : openMeteo.enabled() && !forecastable.containsAll(dates)
                        ? "beyond the %d-day forecast horizon".formatted(forecastDays)
                        : null;
        if (city.isEmpty()) {
            return new ContextSource(
                    PART,
                    "none",
                    failure != null,
                    (reason == null ? "" : reason + "; ") + "no climate normals near " + destination.name(),
                    null);
        }
        for (LocalDate date : dates) {
            ClimateNormals.MonthNormals month = city.get().in(date.getMonth());
            int length = YearMonth.from(date).lengthOfMonth();
            days.put(
                    date,
                    new DayWeather(
                            DayWeather.Source.CLIMATE_NORMALS,
                            null,
                            month.minC(),
                            month.maxC(),
                            round(month.precipitationMm() / length),
                            (int) Math.round(100 * month.rainyDays() / length),
                            null,
                            false));
        }
        return new ContextSource(PART, DayWeather.Source.CLIMATE_NORMALS.wireName(), failure != null, reason, null);
    }

    private static Optional<DayWeather> weather(DayForecast day, ProviderResult<?> forecast) {
        if (day.minC() == null || day.maxC() == null) {
            return Optional.empty();
        }
        double precipitation = day.precipitationMm() == null ? 0 : day.precipitationMm();
        Integer chance = day.precipitationChance();
        boolean rainy = (chance != null && chance >= RAINY_CHANCE)
                || precipitation >= RAINY_MM
                || (WeatherCodes.wet(day.weatherCode()) && precipitation >= 1);
        return Optional.of(new DayWeather(
                DayWeather.Source.OPEN_METEO,
                forecast.fetchedAt(),
                day.minC(),
                day.maxC(),
                precipitation,
                chance,
                WeatherCodes.describe(day.weatherCode()),
                rainy));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
