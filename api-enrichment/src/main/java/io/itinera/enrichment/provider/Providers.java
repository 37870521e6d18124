package io.itinera.enrichment.provider;

import java.util.List;

/** The three live providers, built from {@link ProviderProperties}. */
public record Providers(Provider openMeteo, Provider frankfurter, Provider overpass) {

    public static final String OPEN_METEO = "open-meteo";
    public static final String FRANKFURTER = "frankfurter";
    public static final String OVERPASS = "overpass";

    public List<Provider> all() {
        return List.of(openMeteo, frankfurter, overpass);
    }
}
