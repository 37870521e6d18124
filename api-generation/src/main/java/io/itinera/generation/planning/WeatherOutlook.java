package io.itinera.generation.planning;

import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.TripDay;
import org.jspecify.annotations.Nullable;

/**
 * What the weather makes of a trip day: how wet it is expected to be (only a forecast says which day will be wet), and
 * how much less an outdoor place is worth that day, from the forecast or, failing one, the season (the month's
 * climate normals: its share of rainy days, and days too cold or too hot to enjoy being outside).
 */
public final class WeatherOutlook {

    private WeatherOutlook() {}

    /** A typical month's share of rainy days counts for this much of a forecast's certainty. */
    static final double NORMALS_RAIN_WEIGHT = 0.5;
    /** Half the outdoor penalty comes from the temperature at its worst. */
    static final double DISCOMFORT_WEIGHT = 0.5;

    /**
     * How much less an outdoor place is worth that day, from 0 (a fine day, or nothing known) to 1: the wetness of a
     * forecast, or the month's share of rainy days, plus the discomfort of the day's highest temperature.
     */
    public static double outdoorPenalty(TripDay day) {
        DayWeather weather = day.weather();
        if (weather == null) {
            return 0;
        }
        double rain = weather.source() == DayWeather.Source.CLIMATE_NORMALS
                ? NORMALS_RAIN_WEIGHT * chance(weather.precipitationChance())
                : wetness(day);
        return Math.min(1, rain + DISCOMFORT_WEIGHT * discomfort(weather.maxTemperatureC()));
    }

    /** 0 for a day peaking between 15 and 28 °C, rising to 1 at 5 °C and below or 38 °C and above. */
    static double discomfort(double maxTemperatureC) {
        if (maxTemperatureC < 15) {
            return Math.min(1, (15 - maxTemperatureC) / 10);
        }
        if (maxTemperatureC > 28) {
            return Math.min(1, (maxTemperatureC - 28) / 10);
        }
        return 0;
    }

    private static double chance(@Nullable Integer percent) {
        return percent == null ? 0 : Math.max(0, Math.min(100, percent)) / 100.0;
    }

    /**
     * How wet a trip day is expected to be, from 0 (dry or unknown) to 1 (rain forecast). Only a forecast counts: climate
     * normals say what a month is like, not which day will be wet.
     */
    public static double wetness(TripDay day) {
        DayWeather weather = day.weather();
        if (weather == null || weather.source() == DayWeather.Source.CLIMATE_NORMALS) {
            return 0;
        }
        if (weather.rainy()) {
            return 1;
        }
        if (weather.precipitationChance() != null) {
            return Math.max(0, Math.min(100, weather.precipitationChance())) / 100.0;
        }
        return weather.precipitationMm() >= 1 ? 0.5 : 0;
    }
}
