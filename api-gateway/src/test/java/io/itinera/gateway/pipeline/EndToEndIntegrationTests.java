package io.itinera.gateway.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.PlacesFetched;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventJson;
import io.itinera.events.trip.TripCommand;
import io.itinera.gateway.GatewayIntegrationTest;
import io.itinera.gateway.TripClient;
import io.itinera.gateway.WorkerProcesses;
import io.itinera.kafka.KafkaTestBroker;
import io.itinera.kafka.TopicRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole suite: this gateway, the two workers as separate processes, one real broker. A trip posted over HTTP comes
 * back READY with an itinerary that is feasible against the context enrichment built for it. The live Overpass provider
 * is a local stub serving recorded-style answers for three cities outside the curated twelve.
 */
class EndToEndIntegrationTests extends GatewayIntegrationTest {

    static final Duration READY_WITHIN = Duration.ofSeconds(30);

    /** Nothing listens on port 1 of the loopback interface: every provider call fails fast. */
    static final String DEAD = "http://127.0.0.1:1";

    private static final String INTERPRETER = "/api/interpreter";

    /** Cities outside the curated twelve, by the latitude of their centre as Overpass queries name it. */
    private static final Map<String, String> UNCURATED =
            Map.of("Munich", "48.13743", "Kyoto", "35.02107", "Lyon", "45.74846");

    private static final WireMockServer overpass = new WireMockServer(options().dynamicPort());

    /**
     * The workers run with weather and exchange-rate providers enabled and unreachable, the worst case for enrichment:
     * trips must still be planned, on offline data. Overpass answers from the stub for the three uncurated cities.
     * (The replica tests run the workers with their default, offline settings.)
     */
    @BeforeAll
    static void startWorkersWithDeadProvidersAndAStubbedOverpass() throws IOException {
        overpass.start();
        for (Map.Entry<String, String> city : UNCURATED.entrySet()) {
            overpass.stubFor(get(urlPathEqualTo(INTERPRETER))
                    .withQueryParam("data", containing("," + city.getValue() + ","))
                    .willReturn(okJson(fixture(city.getKey()))));
        }
        WorkerProcesses.start(List.of(
                "--enrichment.providers.open-meteo.enabled=true",
                "--enrichment.providers.open-meteo.base-url=" + DEAD,
                "--enrichment.providers.frankfurter.enabled=true",
                "--enrichment.providers.frankfurter.base-url=" + DEAD,
                "--enrichment.providers.overpass.enabled=true",
                "--enrichment.providers.overpass.base-url=" + overpass.baseUrl()));
    }

    @AfterAll
    static void stopOverpass() {
        overpass.stop();
    }

    /** api-enrichment's recorded-style Overpass answers (docs/data-sources.md), shared rather than copied. */
    private static String fixture(String city) throws IOException {
        return Files.readString(Path.of(
                "..",
                "api-enrichment",
                "src",
                "test",
                "resources",
                "overpass",
                city.toLowerCase(Locale.ROOT) + ".json"));
    }

    /**
     * Issue 14's done-when: with the live provider on, trips to three uncurated cities are READY with the stub's places
     * and hours; the places land in the compacted cache topic, so a second trip to a city calls the provider no more,
     * and neither does one after the provider starts failing.
     */
    @Test
    void tripsToUncuratedCitiesAreReadyWithLivePlacesAndLaterTripsAreServedFromTheKafkaCache() throws IOException {
        LocalDate start = LocalDate.now().plusMonths(2).withDayOfMonth(14);
        Map<String, String> trips = new TreeMap<>();
        UNCURATED.keySet().forEach(city -> trips.put(city, postTrip(city, start)));

        for (Map.Entry<String, String> trip : trips.entrySet()) {
            assertReadyWithLivePlaces(trip.getKey(), trip.getValue());
            // one fetch (two attempts at most, should a loaded machine let the first one time out)
            assertThat(callsFor(trip.getKey())).isBetween(1, 2);
            PlacesFetched cached = TopicReader.find(
                    TopicNames.ENRICHMENT_PLACES,
                    PlacesFetched.class,
                    trip.getKey().toLowerCase(Locale.ROOT));
            assertThat(cached.source()).isEqualTo("overpass");
            assertThat(cached.places()).isNotEmpty();
        }

        // a second trip to Kyoto: the cached places, no second call
        int kyotoCalls = callsFor("Kyoto");
        assertReadyWithLivePlaces("Kyoto", postTrip("Kyoto", start.plusDays(7)));
        assertThat(callsFor("Kyoto")).isEqualTo(kyotoCalls);

        // the provider starts failing: Lyon is still planned from the cache, and nothing is asked of the provider
        overpass.resetAll();
        overpass.stubFor(get(urlPathEqualTo(INTERPRETER)).willReturn(aResponse().withStatus(503)));
        assertReadyWithLivePlaces("Lyon", postTrip("Lyon", start.plusDays(14)));
        overpass.verify(0, getRequestedFor(urlPathEqualTo(INTERPRETER)));
    }

    private String postTrip(String city, LocalDate start) {
        return TripClient.post(web, KEY_A, """
                {"destination":"%s","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture","history","art","food","nature","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(city, start, start.plusDays(1)));
    }

    private void assertReadyWithLivePlaces(String city, String id) throws IOException {
        JsonNode trip = TripClient.awaitTerminal(web, KEY_A, id, READY_WITHIN);
        assertThat(trip.get("status").asString()).as("%s: %s", city, trip).isEqualTo("READY");
        GenerationRequested planned = TopicReader.find(TopicNames.GENERATION_REQUEST, GenerationRequested.class, id);
        JsonNode elements = EventJson.mapper().readTree(fixture(city)).get("elements");
        Map<String, String> hoursByName = new TreeMap<>();
        elements.forEach(element -> {
            JsonNode tags = element.get("tags");
            String name = (tags.has("name:en") ? tags.get("name:en") : tags.get("name")).asString();
            hoursByName.put(
                    name, tags.has("opening_hours") ? tags.get("opening_hours").asString() : "");
        });
        assertThat(planned.context().sources())
                .filteredOn(source -> source.part().equals("points-of-interest"))
                .singleElement()
                .satisfies(source -> assertThat(source.source()).isEqualTo("overpass"));
        assertThat(planned.context().pois())
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(poi -> assertThat(hoursByName).containsKey(poi.name()));
        assertThat(planned.context().pois())
                .as("places planned with the opening hours OpenStreetMap gives them")
                .filteredOn(poi -> poi.openingHours().equals(hoursByName.get(poi.name())))
                .hasSizeGreaterThanOrEqualTo(3);
        Itinerary itinerary = EventJson.mapper().treeToValue(trip.get("itinerary"), Itinerary.class);
        assertThat(itinerary.days())
                .hasSize(2)
                .allSatisfy(day -> assertThat(day.stops())
                        .isNotEmpty()
                        .allSatisfy(stop -> assertThat(hoursByName).containsKey(stop.name())));
        ItineraryAssertions.assertFeasible(itinerary, planned.request(), planned.context());
    }

    private static int callsFor(String city) {
        return overpass.countRequestsMatching(getRequestedFor(urlPathEqualTo(INTERPRETER))
                        .withQueryParam("data", containing("," + UNCURATED.get(city) + ","))
                        .build())
                .getCount();
    }

    @Test
    void lisbonTripBecomesReadyWithAFeasibleItinerary() {
        LocalDate start = LocalDate.now().plusMonths(3).withDayOfMonth(10);
        String id = TripClient.post(web, KEY_A, """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture","food","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(2)));

        JsonNode trip = TripClient.awaitTerminal(web, KEY_A, id, READY_WITHIN);

        assertThat(trip.get("status").asString()).isEqualTo("READY");
        assertThat(trip.get("context").get("destinationName").asString()).isEqualTo("Lisbon");
        assertThat(trip.get("context").get("timeZone").asString()).isEqualTo("Europe/Lisbon");
        Itinerary itinerary = EventJson.mapper().treeToValue(trip.get("itinerary"), Itinerary.class);
        assertThat(itinerary.days())
                .hasSize(3)
                .allSatisfy(day -> assertThat(day.stops()).hasSizeGreaterThanOrEqualTo(3));
        GenerationRequested planned = TopicReader.find(TopicNames.GENERATION_REQUEST, GenerationRequested.class, id);
        ItineraryAssertions.assertFeasible(itinerary, planned.request(), planned.context());
        assertThat(trip.get("progress").valueStream().map(p -> p.get("stage").asString()))
                .contains("trip", "enrichment", "generation");
        // One trace from the HTTP request through the saga and both workers.
        String traceId = traceIdOf(TopicReader.findRecord(TopicNames.TRIP_COMMANDS, TripCommand.class, id));
        assertThat(traceIdOf(TopicReader.findRecord(TopicNames.ENRICHMENT_COMPLETED, EnrichmentCompleted.class, id)))
                .isEqualTo(traceId);
        assertThat(traceIdOf(TopicReader.findRecord(TopicNames.GENERATION_COMPLETED, GenerationCompleted.class, id)))
                .isEqualTo(traceId);
    }

    /**
     * Exactly-once workers (ADR 0001): api-generation killed with SIGKILL while it plans a burst of trips, whatever it
     * was doing, and restarted as a pod's container would be. Every trip still ends READY, and a read_committed reader
     * sees exactly one completion per trip: what the killed worker had sent without committing is never seen.
     */
    @Test
    void aGenerationWorkerKilledMidBurstLosesNoTripAndCompletesEachExactlyOnce() throws Exception {
        int burst = 50;
        LocalDate start = LocalDate.now().plusMonths(1);
        List<String> ids = IntStream.range(0, burst)
                .mapToObj(i -> TripClient.post(web, KEY_A, """
                        {"destination":"%s","startDate":"%s","endDate":"%s","travelers":1,
                         "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(
                                i % 2 == 0 ? "Lisbon" : "Porto", start.plusDays(i % 7), start.plusDays(i % 7))))
                .toList();
        Set<String> ours = Set.copyOf(ids);

        try (TopicRecords<GenerationCompleted> completions = TopicRecords.of(
                KafkaTestBroker.bootstrapServers(),
                new EventDeserializer<>(GenerationCompleted.class),
                TopicNames.GENERATION_COMPLETED)) {
            // when api-generation has completed a few of them and is busy with the rest
            completions.awaitAll(read ->
                    read.stream().filter(record -> ours.contains(record.key())).count() >= 3);
            WorkerProcesses.killAndRestart("api-generation");

            // then every trip ends READY
            for (String id : ids) {
                assertThat(TripClient.awaitTerminal(web, KEY_A, id, Duration.ofSeconds(90))
                                .get("status")
                                .asString())
                        .as("trip %s", id)
                        .isEqualTo("READY");
            }
            // and each has exactly one committed completion
            Map<String, Long> completionsPerTrip = completions.readToEnd().stream()
                    .map(ConsumerRecord::key)
                    .filter(ours::contains)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(completionsPerTrip)
                    .hasSize(burst)
                    .allSatisfy((id, count) ->
                            assertThat(count).as("completions of trip %s", id).isEqualTo(1L));
        }
    }

    @Test
    void unknownDestinationFailsWithAClearReason() {
        LocalDate start = LocalDate.now().plusMonths(1);
        String id = TripClient.post(web, KEY_A, """
                {"destination":"Atlantis","startDate":"%s","endDate":"%s","travelers":1,
                 "interests":["history"],"pace":"RELAXED","budget":"LOW"}""".formatted(start, start));

        JsonNode trip = TripClient.awaitTerminal(web, KEY_A, id, READY_WITHIN);

        assertThat(trip.get("status").asString()).isEqualTo("FAILED");
        assertThat(trip.get("error").get("type").asString()).isEqualTo("/problems/unknown-destination");
        assertThat(trip.get("error").get("detail").asString()).contains("Atlantis");
        assertThat(trip.get("itinerary")).isNull();
    }

    private static String traceIdOf(ConsumerRecord<String, ?> record) {
        String traceparent = EventHeaders.read(record.headers(), EventHeaders.TRACEPARENT)
                .orElseThrow(() -> new AssertionError("no traceparent on " + record.topic()));
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.substring(3, 35);
    }

    @Test
    void tripIsReadyWithProvidersDownAndSaysWhichFallbacksWereUsed() {
        LocalDate start = LocalDate.now().plusDays(3);
        String id = TripClient.post(web, KEY_A, """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,"currency":"USD",
                 "interests":["culture","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(1)));

        JsonNode trip = TripClient.awaitTerminal(web, KEY_A, id, Duration.ofSeconds(60));

        assertThat(trip.get("status").asString()).isEqualTo("READY");
        JsonNode sources = trip.get("context").get("sources");
        assertThat(sources.valueStream()
                        .filter(source -> source.get("fallback").asBoolean())
                        .map(source -> source.get("part").asString()))
                .contains("weather", "exchange-rate");
        assertThat(trip.get("context").get("days").get(0).has("sunrise")).isTrue();
    }
}
