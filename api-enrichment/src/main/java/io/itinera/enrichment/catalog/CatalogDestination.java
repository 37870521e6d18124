package io.itinera.enrichment.catalog;

import io.itinera.events.enrichment.Destination;
import io.itinera.events.trip.GeoPoint;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * A destination of the offline catalog.
 *
 * @param id a stable lower-case id, e.g. {@code lisbon}
 * @param asciiName the name without diacritics
 * @param alternateNames other names travellers use, e.g. {@code Lisboa}
 * @param country ISO 3166-1 alpha-2 code
 */
public record CatalogDestination(
        String id,
        String name,
        String asciiName,
        List<String> alternateNames,
        String country,
        GeoPoint centre,
        int population,
        ZoneId timeZone,
        Currency currency) {

    public CatalogDestination {
        alternateNames = List.copyOf(alternateNames);
    }

    /** The destination as the events describe it. */
    public Destination toDestination() {
        return new Destination(id, name, country, centre, timeZone.getId(), currency.getCurrencyCode());
    }
}
