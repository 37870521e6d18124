package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;

/**
 * A destination found for a typed name.
 *
 * @param matchedName the name, ASCII name or alternate name that matched
 * @param edits the edits between the typed text and the matched name (or its start, for prefixes)
 */
public record DestinationMatch(
        CatalogDestination destination, String matchedName, MatchQuality quality, int edits, boolean curated) {}
