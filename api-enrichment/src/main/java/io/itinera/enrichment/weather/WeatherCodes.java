package io.itinera.enrichment.weather;

import org.jspecify.annotations.Nullable;

/** WMO weather interpretation codes, as Open-Meteo reports them, in words. */
final class WeatherCodes {

    private WeatherCodes() {}

    static @Nullable String describe(@Nullable Integer code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case 0 -> "clear sky";
            case 1 -> "mainly clear";
            case 2 -> "partly cloudy";
            case 3 -> "overcast";
            case 45, 48 -> "fog";
            case 51, 53, 55, 56, 57 -> "drizzle";
            case 61, 66 -> "light rain";
            case 63 -> "rain";
            case 65, 67 -> "heavy rain";
            case 71, 73, 75, 77 -> "snow";
            case 80, 81, 82 -> "rain showers";
            case 85, 86 -> "snow showers";
            case 95, 96, 99 -> "thunderstorm";
            default -> null;
        };
    }

    /** Codes that mean rain, showers or storms. */
    static boolean wet(@Nullable Integer code) {
        return code != null && ((code >= 51 && code <= 67) || (code >= 80 && code <= 82) || code >= 95);
    }
}
