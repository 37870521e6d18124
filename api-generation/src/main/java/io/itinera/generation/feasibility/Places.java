package io.itinera.generation.feasibility;

import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.generation.Leg;
import io.itinera.events.trip.GeoPoint;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The places a plan may name: the start point ({@link Leg#START}) and the candidates by id. */
record Places(GeoPoint home, Map<String, PointOfInterest> pois) {

    @Nullable
    PointOfInterest poi(String id) {
        return pois.get(id);
    }

    GeoPoint locationOf(String id) {
        PointOfInterest poi = pois.get(id);
        return id.equals(Leg.START) || poi == null ? home : poi.location();
    }
}
