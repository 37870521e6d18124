package io.itinera.generation.planning;

import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.trip.TripRequest;

/** Plans a trip day by day; every plan it returns must pass the feasibility check ({@code feasibility/}). */
public interface ItineraryPlanner {

    /**
     * @param context has at least one day and one point of interest
     * @param progress told after each planned day
     */
    Itinerary plan(TripRequest request, PlanningContext context, ProgressListener progress);
}
