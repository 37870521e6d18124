package io.itinera.events.enrichment;

import io.itinera.events.trip.GeoPoint;

/**
 * A resolved destination from the catalog.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param timeZone IANA time zone id, e.g. {@code Europe/Lisbon}
 * @param currency ISO 4217 code of the local currency
 */
public record Destination(String id, String name, String country, GeoPoint centre, String timeZone, String currency) {}
