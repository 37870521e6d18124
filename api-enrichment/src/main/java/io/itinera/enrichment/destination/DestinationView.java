package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import java.util.Locale;

/**
 * A destination as the search API shows it.
 *
 * @param curated whether the service has curated points of interest for it
 * @param matchedName the name the query matched, e.g. {@code Lisboa}
 * @param match how it matched: {@code exact}, {@code prefix}, {@code typo} or {@code typo-prefix}
 */
record DestinationView(
        String id,
        String name,
        String country,
        double lat,
        double lon,
        int population,
        String timeZone,
        String currency,
        boolean curated,
        String matchedName,
        String match) {

    static DestinationView of(DestinationMatch found) {
        CatalogDestination destination = found.destination();
        return new DestinationView(
                destination.id(),
                destination.name(),
                destination.country(),
                destination.centre().lat(),
                destination.centre().lon(),
                destination.population(),
                destination.timeZone().getId(),
                destination.currency().getCurrencyCode(),
                found.curated(),
                found.matchedName(),
                found.quality().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
