package io.itinera.generation.planning;

import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.TripDay;

/**
 * How wet a trip day is expected to be, from 0 (dry or unknown) to 1 (rain forecast). Only a forecast counts: climate
 * normals say what a month is like, not which day will be wet, so they leave every day alike.
 */
public final class WeatherOutlook {

    private WeatherOutlook() {}

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
