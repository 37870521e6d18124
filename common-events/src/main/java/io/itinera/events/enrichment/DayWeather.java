package io.itinera.events.enrichment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The weather to expect on one trip day, and where that expectation comes from.
 *
 * @param source a live forecast or the offline monthly averages
 * @param fetchedAt when the live forecast was fetched; absent for offline data
 * @param minTemperatureC the day's lowest temperature in °C (for normals, the month's mean daily minimum)
 * @param maxTemperatureC the day's highest temperature in °C (for normals, the month's mean daily maximum)
 * @param precipitationMm the day's precipitation in mm (for normals, the month's total spread over its days)
 * @param precipitationChance the chance of precipitation in percent (for normals, the share of rainy days)
 * @param conditions the forecast's conditions in words, e.g. {@code light rain}; absent for normals
 * @param rainy whether the forecast says the day will be rainy; always false for normals, which forecast nothing
 */
public record DayWeather(
        Source source,
        @Nullable Instant fetchedAt,
        double minTemperatureC,
        double maxTemperatureC,
        double precipitationMm,
        @Nullable Integer precipitationChance,
        @Nullable String conditions,
        boolean rainy) {

    /** Where a day's weather comes from; the wire carries the lower-case names, which also name the source elsewhere. */
    public enum Source {
        /** Open-Meteo's daily forecast. */
        @JsonProperty("open-meteo")
        OPEN_METEO,
        /** The shipped monthly climate normals: what a month is like, not which day will be wet. */
        @JsonProperty("climate-normals")
        CLIMATE_NORMALS;

        /** The name on the wire, e.g. {@code climate-normals}, also used for the weather's {@link ContextSource}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
