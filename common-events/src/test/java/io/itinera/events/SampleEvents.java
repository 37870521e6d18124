package io.itinera.events;

import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.Destination;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.ExchangeRate;
import io.itinera.events.enrichment.Place;
import io.itinera.events.enrichment.PlacesFetched;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TimeWindow;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.LeftOutPoi;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Meal;
import io.itinera.events.generation.Stop;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.proposal.SubmitProposal;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.ContextSummary;
import io.itinera.events.trip.EraseTrip;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fully populated and one minimal instance of every record on the wire, valid against the schemas; shared with
 * the services' tests through this module's test-jar.
 */
public final class SampleEvents {

    public static final String TRIP = "5b0f8c1e-3f1e-4a57-9d4c-0c7f3f6f1a10";
    public static final Instant NOW = Instant.parse("2027-05-01T10:15:30.123Z");
    public static final LocalDate DAY = LocalDate.of(2027, 3, 28);
    /** The {@code SubmitTrip} that created the sample snapshot's trip. */
    public static final UUID SUBMISSION = UUID.fromString("3c1f9a2e-7d4b-4e8a-b6c5-2f0e9d8a7b61");

    private SampleEvents() {}

    public static TripRequest fullRequest() {
        return new TripRequest(
                "Lisbon",
                "lisbon",
                DAY,
                DAY.plusDays(1),
                2,
                List.of(Interest.CULTURE, Interest.VIEWPOINTS),
                Pace.PACKED,
                Budget.HIGH,
                List.of("lisbon.jeronimos-monastery"),
                new GeoPoint(38.7139, -9.1394),
                "USD",
                TravelMode.TRANSIT);
    }

    public static TripRequest minimalRequest() {
        return new TripRequest(
                "Lisbon", null, DAY, DAY, 1, List.of(Interest.FOOD), Pace.RELAXED, Budget.LOW, null, null, null, null);
    }

    public static PlanningContext context() {
        PointOfInterest poi = new PointOfInterest(
                "lisbon.jeronimos-monastery",
                "Jerónimos Monastery",
                Interest.HISTORY,
                new GeoPoint(38.69786, -9.2062),
                90,
                "Tu-Su 09:30-18:00; PH off",
                List.of(new DayWindows(DAY, List.of(new TimeWindow(LocalTime.of(9, 30), LocalTime.of(18, 0))))),
                true,
                2,
                95);
        return new PlanningContext(
                new Destination("lisbon", "Lisbon", "PT", new GeoPoint(38.71667, -9.13333), "Europe/Lisbon", "EUR"),
                List.of(
                        new TripDay(
                                DAY,
                                "+01:00",
                                LocalTime.of(7, 23),
                                LocalTime.of(19, 51),
                                null,
                                LocalTime.of(6, 56),
                                LocalTime.of(20, 18),
                                new DayWeather(
                                        DayWeather.Source.OPEN_METEO,
                                        NOW,
                                        11.5,
                                        19.0,
                                        0.4,
                                        20,
                                        "partly cloudy",
                                        false)),
                        new TripDay(DAY.plusDays(1), "+01:00", null, null, "Good Friday", null, null, null)),
                List.of(poi),
                List.of("Sunset before 17:00"),
                NOW,
                new ExchangeRate("EUR", "USD", 1.0842, DAY, "frankfurter", NOW),
                List.of(
                        new ContextSource("weather", DayWeather.Source.OPEN_METEO.wireName(), false, null, NOW),
                        new ContextSource("exchange-rate", "ecb-offline", true, "frankfurter: HTTP 500", null)));
    }

    public static Itinerary itinerary() {
        OffsetDateTime start = OffsetDateTime.of(DAY, LocalTime.of(9, 0), ZoneOffset.ofHours(1));
        Stop stop = new Stop(
                "lisbon.jeronimos-monastery",
                "Jerónimos Monastery",
                Interest.HISTORY,
                38.69786,
                -9.2062,
                start.plusMinutes(40),
                start.plusMinutes(130));
        return new Itinerary(
                "greedy",
                0.95,
                List.of(new ItineraryDay(
                        DAY,
                        start,
                        start.plusMinutes(170),
                        List.of(stop),
                        List.of(
                                new Leg(Leg.START, stop.poiId(), TravelMode.TRANSIT, 7100, 35),
                                new Leg(stop.poiId(), Leg.START, TravelMode.TRANSIT, 7100, 35)),
                        0.95,
                        "One stop in Belém",
                        List.of(new Meal(
                                Meal.LUNCH,
                                start.plusMinutes(180),
                                start.plusMinutes(240),
                                "lisbon.pasteis-de-belem",
                                "Pastéis de Belém")),
                        "A history morning in Belém.")),
                List.of(new LeftOutPoi(
                        "lisbon.belem-tower",
                        "Belém Tower",
                        Interest.HISTORY,
                        0.93,
                        true,
                        "closed on every day of the trip")));
    }

    public static TripSnapshot snapshot() {
        return new TripSnapshot(
                TripSnapshot.SCHEMA_VERSION,
                TRIP,
                "client-a",
                3,
                TripStatus.READY,
                NOW,
                NOW.plusSeconds(2),
                fullRequest(),
                RawJson.of(ContextSummary.of(context())),
                RawJson.of(itinerary()),
                new Failure("none", "for the schema's sake"),
                List.of(new ProgressEntry(1, NOW, "trip", TripStatus.PENDING, "accepted", 0, "Trip accepted")),
                List.of(SUBMISSION.toString()),
                SUBMISSION.toString());
    }

    public static Failure failure() {
        return new Failure("unknown-destination", "No destination matches 'Atlantis'.");
    }

    /** The samples of one record type; empty for a type that does not travel on a topic. */
    public static List<Object> samplesOf(Class<?> type) {
        return all().getOrDefault(type, List.of());
    }

    /** Every record type that travels on a topic, each as a full and a minimal instance. */
    public static Map<Class<?>, List<Object>> all() {
        UUID id = UUID.fromString("0a7d3f4e-9b2c-4c1d-8e5f-6a7b8c9d0e1f");
        Failure failure = failure();
        StageProgress progress = new StageProgress("destination-resolved", 30, "Lisbon, Portugal");
        ProposalBrief brief = new ProposalBrief("Lisbon", 5, 4, List.of(Interest.ART), Budget.MEDIUM, 3.5, 5);
        return Map.ofEntries(
                Map.entry(
                        SubmitTrip.class,
                        List.of(
                                new SubmitTrip(1, id, NOW, TRIP, "client-a", "req-1", fullRequest()),
                                new SubmitTrip(1, id, NOW, TRIP, "client-a", "req-1", minimalRequest()))),
                Map.entry(CancelTrip.class, List.of(new CancelTrip(1, id, NOW, TRIP, "client-a", "req-2"))),
                Map.entry(EraseTrip.class, List.of(new EraseTrip(1, id, NOW, TRIP, "client-a", "req-3"))),
                Map.entry(TripSnapshot.class, List.of(snapshot())),
                Map.entry(EnrichmentRequested.class, List.of(new EnrichmentRequested(1, id, NOW, TRIP, fullRequest()))),
                Map.entry(EnrichmentProgress.class, List.of(new EnrichmentProgress(1, id, NOW, TRIP, progress))),
                Map.entry(
                        PlacesFetched.class,
                        List.of(
                                new PlacesFetched(
                                        1,
                                        id,
                                        NOW,
                                        "munich",
                                        "overpass",
                                        NOW,
                                        List.of(new Place(
                                                "munich.osm-way-26972341",
                                                "Deutsches Museum",
                                                Interest.CULTURE,
                                                new GeoPoint(48.13, 11.583),
                                                120,
                                                "Mo-Su 09:00-17:00",
                                                true,
                                                2,
                                                88))),
                                new PlacesFetched(1, id, NOW, "munich", "overpass", NOW, List.of()))),
                Map.entry(
                        EnrichmentCompleted.class,
                        List.of(
                                new EnrichmentCompleted(
                                        1,
                                        id,
                                        NOW,
                                        TRIP,
                                        Outcome.SUCCEEDED,
                                        context(),
                                        null,
                                        ContextSummary.of(context())),
                                new EnrichmentCompleted(1, id, NOW, TRIP, Outcome.FAILED, null, failure, null))),
                Map.entry(
                        GenerationRequested.class,
                        List.of(new GenerationRequested(1, id, NOW, TRIP, minimalRequest(), context()))),
                Map.entry(GenerationProgress.class, List.of(new GenerationProgress(1, id, NOW, TRIP, progress))),
                Map.entry(
                        GenerationCompleted.class,
                        List.of(
                                new GenerationCompleted(1, id, NOW, TRIP, Outcome.SUCCEEDED, itinerary(), null),
                                new GenerationCompleted(1, id, NOW, TRIP, Outcome.FAILED, null, failure))),
                Map.entry(ProposalRequested.class, List.of(new ProposalRequested(1, id, NOW, "prop-1", brief))),
                Map.entry(
                        SubmitProposal.class,
                        List.of(new SubmitProposal(1, id, NOW, "prop-1", "client-a", "req-3", brief))),
                Map.entry(
                        ProposalSnapshot.class,
                        List.of(new ProposalSnapshot(
                                1,
                                "prop-1",
                                "client-a",
                                2,
                                TripStatus.FAILED,
                                NOW,
                                NOW.plusSeconds(1),
                                brief,
                                List.of(),
                                failure,
                                List.of(new ProgressEntry(
                                        1, NOW, "proposal", TripStatus.PENDING, "accepted", 0, "Brief accepted")),
                                List.of(id.toString())))),
                Map.entry(ProposalProgress.class, List.of(new ProposalProgress(1, id, NOW, "prop-1", progress))),
                Map.entry(
                        ProposalCompleted.class,
                        List.of(new ProposalCompleted(
                                1,
                                id,
                                NOW,
                                "prop-1",
                                Outcome.SUCCEEDED,
                                List.of(new DestinationProposal(
                                        "porto",
                                        "Porto",
                                        "PT",
                                        0.82,
                                        Map.of("interests", 0.9, "climate", 0.7),
                                        List.of("Rich in art museums"))),
                                null))));
    }
}
