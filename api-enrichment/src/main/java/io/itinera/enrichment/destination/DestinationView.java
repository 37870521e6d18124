package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import java.util.Locale;

/**
 * A destination as the search API shows it.
 *
 * @param curated whether the service has curated points of interest for it
 * @param plannable whether a trip can be planned for it: it has points of interest offline (curated or an
 *     operator's file) or a live provider is on; a trip to a destination that is not is refused
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
        boolean plannable,
        String matchedName,
        String match) {

    static DestinationView of(DestinationMatch found, boolean plannable) {
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
                plannable,
                found.matchedName(),
                found.quality().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
