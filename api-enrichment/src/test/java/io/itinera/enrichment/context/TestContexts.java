package io.itinera.enrichment.context;

import io.itinera.enrichment.EnrichmentProperties;
import io.itinera.enrichment.calendar.DaylightCalculator;
import io.itinera.enrichment.calendar.PublicHolidays;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.money.ExchangeRates;
import io.itinera.enrichment.money.OfflineRates;
import io.itinera.enrichment.provider.Providers;
import io.itinera.enrichment.weather.ClimateNormals;
import io.itinera.enrichment.weather.WeatherForecaster;
import io.itinera.enrichment.weather.WeatherProperties;
import io.itinera.events.trip.GeoPoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** Context builders wired as in the service, with the providers a test chooses. */
public final class TestContexts {

    private static final PublicHolidays HOLIDAYS = new PublicHolidays();

    /** Lisbon as the catalog has it. */
    public static final CatalogDestination LISBON = new CatalogDestination(
            "lisbon",
            "Lisbon",
            "Lisbon",
            List.of("Lisboa"),
            "PT",
            new GeoPoint(38.71667, -9.13333),
            517802,
            ZoneId.of("Europe/Lisbon"),
            Currency.getInstance("EUR"));

    private TestContexts() {}

    /** Destination-days as the service keeps them, at most {@code cached} of them. */
    public static DestinationDays destinationDays(int cached) {
        return new DestinationDays(
                HOLIDAYS,
                new DaylightCalculator(),
                new EnrichmentProperties("unused", 80, cached),
                new SimpleMeterRegistry());
    }

    public static PlanningContextBuilder builder(Clock clock, Providers providers) {
        return new PlanningContextBuilder(
                clock,
                new EnrichmentProperties("unused", 80, 64),
                HOLIDAYS,
                destinationDays(64),
                new WeatherForecaster(providers, ClimateNormals.shipped(), clock, new WeatherProperties(16)),
                new ExchangeRates(providers, OfflineRates.shipped()));
    }
}
