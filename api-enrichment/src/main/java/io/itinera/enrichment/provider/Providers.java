package io.itinera.enrichment.provider;

import io.itinera.events.enrichment.DayWeather;
import java.util.List;

/** The three live providers, built from {@link ProviderProperties}. */
public record Providers(Provider openMeteo, Provider frankfurter, Provider overpass) {

    /** Also the source its forecasts carry on the wire. */
    public static final String OPEN_METEO = DayWeather.Source.OPEN_METEO.wireName();

    public static final String FRANKFURTER = "frankfurter";
    public static final String OVERPASS = "overpass";

    public List<Provider> all() {
        return List.of(openMeteo, frankfurter, overpass);
    }
}
