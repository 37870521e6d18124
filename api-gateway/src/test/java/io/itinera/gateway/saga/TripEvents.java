package io.itinera.gateway.saga;

import io.itinera.events.Failure;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Small, valid events for saga tests. */
public final class TripEvents {

    public static final LocalDate DAY = LocalDate.of(2027, 5, 10);

    private TripEvents() {}

    public static TripRequest lisbonRequest() {
        return new TripRequest(
                "Lisbon",
                null,
                DAY,
                DAY,
                2,
                List.of(Interest.CULTURE, Interest.FOOD),
                Pace.MODERATE,
                Budget.MEDIUM,
                null,
                null,
                null,
                null);
    }

    public static PlanningContext lisbonContext() {
        GeoPoint centre = new GeoPoint(38.71667, -9.13333);
        PointOfInterest castle = new PointOfInterest(
                "lisbon.sao-jorge-castle",
                "São Jorge Castle",
                Interest.HISTORY,
                new GeoPoint(38.71389, -9.13361),
                90,
                "Mo-Su 09:00-18:00",
                List.of(new DayWindows(DAY, List.of(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(18, 0))))),
                false,
                2,
                90);
        return new PlanningContext(
                new Destination("lisbon", "Lisbon", "PT", centre, "Europe/Lisbon", "EUR"),
                List.of(new TripDay(DAY, "+01:00", null, null, null, null, null, null)),
                List.of(castle),
                List.of(),
                Instant.parse("2027-05-01T10:00:00Z"),
                null,
                null);
    }

    public static Itinerary oneStopItinerary() {
        ZoneOffset offset = ZoneOffset.ofHours(1);
        OffsetDateTime start = OffsetDateTime.of(DAY, LocalTime.of(9, 0), offset);
        Stop stop = new Stop(
                "lisbon.sao-jorge-castle",
                "São Jorge Castle",
                Interest.HISTORY,
                38.71389,
                -9.13361,
                start.plusMinutes(5),
                start.plusMinutes(95));
        return new Itinerary(
                "greedy",
                0.9,
                List.of(new ItineraryDay(
                        DAY,
                        start,
                        start.plusMinutes(100),
                        List.of(stop),
                        List.of(
                                new Leg(Leg.START, stop.poiId(), TravelMode.WALK, 400, 5),
                                new Leg(stop.poiId(), Leg.START, TravelMode.WALK, 400, 5)),
                        0.9,
                        "One stop",
                        null,
                        null)),
                null);
    }

    public static Failure unknownDestination() {
        return new Failure("unknown-destination", "No destination matches 'Atlantis'.");
    }
}
