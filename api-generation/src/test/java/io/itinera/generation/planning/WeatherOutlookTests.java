package io.itinera.generation.planning;

import static io.itinera.generation.planning.Trips.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.TripDay;
import org.junit.jupiter.api.Test;

class WeatherOutlookTests {

    @Test
    void theSeasonWeighsOnOutdoorPlacesWhenThereIsNoForecast() {
        // a New York March (highs of 8 °C, rain one day in three) and July (29 °C, 30 %)
        TripDay march = day(Trips.climateNormals(8, 35));
        TripDay july = day(Trips.climateNormals(29, 30));

        assertThat(WeatherOutlook.outdoorPenalty(march)).isCloseTo(0.5 * 0.35 + 0.5 * 0.7, within(1e-9));
        assertThat(WeatherOutlook.outdoorPenalty(july)).isCloseTo(0.5 * 0.30 + 0.5 * 0.1, within(1e-9));
        assertThat(WeatherOutlook.wetness(march))
                .as("normals forecast no wet day")
                .isZero();
    }

    @Test
    void aForecastSaysWhichDayIsWetAndNothingKnownCostsNothing() {
        DayWeather rain = new DayWeather(DayWeather.Source.OPEN_METEO, null, 12, 16, 9.5, 90, "rain", true);
        DayWeather fine = new DayWeather(DayWeather.Source.OPEN_METEO, null, 14, 22, 0, 5, "clear", false);
        DayWeather scorching = new DayWeather(DayWeather.Source.OPEN_METEO, null, 28, 41, 0, 0, "clear", false);

        assertThat(WeatherOutlook.outdoorPenalty(day(rain))).isEqualTo(1);
        assertThat(WeatherOutlook.outdoorPenalty(day(fine))).isCloseTo(0.05, within(1e-9));
        assertThat(WeatherOutlook.outdoorPenalty(day(scorching))).isCloseTo(0.5, within(1e-9));
        assertThat(WeatherOutlook.outdoorPenalty(day(null))).isZero();
    }

    private static TripDay day(DayWeather weather) {
        return new TripDay(MONDAY, "+01:00", null, null, null, null, null, weather);
    }
}
