package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.hours.OpeningHours;
import io.itinera.events.enrichment.Place;
import io.itinera.events.enrichment.PlacesFetched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Live places between the catalog's model and the cache's: opening hours travel as their text and are parsed back. */
final class LivePlaces {

    private LivePlaces() {}

    static PlacesFetched fetched(String destinationId, String source, Instant fetchedAt, List<CatalogPoi> pois) {
        return PlacesFetched.of(
                destinationId,
                source,
                fetchedAt,
                pois.stream()
                        .map(poi -> new Place(
                                poi.id(),
                                poi.name(),
                                poi.category(),
                                poi.location(),
                                poi.visitMinutes(),
                                poi.openingHours().text(),
                                poi.indoor(),
                                poi.priceLevel(),
                                poi.popularity()))
                        .toList());
    }

    /** The cached places as candidates; one whose hours this version cannot read is left out. */
    static List<CatalogPoi> pois(PlacesFetched fetched) {
        List<CatalogPoi> pois = new ArrayList<>();
        for (Place place : fetched.places()) {
            try {
                pois.add(new CatalogPoi(
                        place.id(),
                        place.name(),
                        place.category(),
                        place.location(),
                        place.visitMinutes(),
                        OpeningHours.parse(place.openingHours()),
                        place.indoor(),
                        place.priceLevel(),
                        place.popularity()));
            } catch (RuntimeException e) {
                // written by another version of the service: the next refresh brings it back
            }
        }
        return pois;
    }
}
