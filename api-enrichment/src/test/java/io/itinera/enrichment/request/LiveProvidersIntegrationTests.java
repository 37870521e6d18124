package io.itinera.enrichment.request;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.context.TestContexts;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.destination.TestDestinations;
import io.itinera.enrichment.poi.TestPlaces;
import io.itinera.enrichment.provider.HeldCalls;
import io.itinera.enrichment.provider.Provider;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.Providers;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.Outcome;
import io.itinera.events.RecordingPublisher;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.kafka.ProgressThrottle;
import io.itinera.events.kafka.StageHandler;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.TripRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every live provider (Open-Meteo, Frankfurter, Overpass) switched on against a local stub server: with the stubs
 * answering, the context's weather, exchange rate and points of interest come from them; with the stubs failing in any
 * way (500, timeout, malformed body, 429 with a long Retry-After, an open breaker, a full bulkhead), enrichment still
 * succeeds from offline data and the context says which fallback stood in and why.
 */
class LiveProvidersIntegrationTests {

    private static final Clock ONE_WEEK_BEFORE = Clock.fixed(Instant.parse("2027-03-20T09:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FIRST = LocalDate.of(2027, 3, 27);
    private static final LocalDate LAST = LocalDate.of(2027, 3, 29);

    private static final String FORECAST = "/v1/forecast";
    private static final String RATES = "/v1/latest";
    private static final String OVERPASS = "/api/interpreter";
    private static final String HELD = "/held";

    /**
     * How long an open breaker refuses calls in the breaker tests: long enough that the enrichment right after the one
     * that opens it surely finds it still open, even on a busy machine, short enough to wait out.
     */
    private static final Duration OPEN_FOR = Duration.ofSeconds(1);

    private static final String FORECAST_BODY = """
            {"latitude": 38.72, "longitude": -9.14, "timezone": "Europe/Lisbon",
             "daily": {"time": ["2027-03-27", "2027-03-28", "2027-03-29"],
                       "weather_code": [2, 63, 0],
                       "temperature_2m_min": [11.2, 12.0, 10.5],
                       "temperature_2m_max": [18.4, 16.1, 20.3],
                       "precipitation_sum": [0.0, 7.5, 0.0],
                       "precipitation_probability_max": [10, 85, 0]}}""";
    private static final String RATES_BODY = """
            {"amount": 1.0, "base": "EUR", "date": "2027-03-19", "rates": {"USD": 1.1234}}""";
    private static final String OVERPASS_BODY = """
            {"elements": [
              {"type": "node", "id": 101, "lat": 48.1374, "lon": 11.5755,
               "tags": {"name": "Stub Museum", "tourism": "museum", "opening_hours": "Tu-Su 10:00-18:00",
                        "wikidata": "Q1"}},
              {"type": "way", "id": 202, "center": {"lat": 48.1642, "lon": 11.6056},
               "tags": {"name": "Stub Garden", "leisure": "park", "wikidata": "Q2"}},
              {"type": "node", "id": 303, "lat": 48.14, "lon": 11.58,
               "tags": {"name": "Stub Gallery Without Hours", "tourism": "gallery"}}]}""";

    private static final WireMockServer stub = new WireMockServer(options().dynamicPort());

    private final Catalog catalog = TestCatalogs.shipped();
    private final Destinations destinations = TestDestinations.shipped();
    private Providers providers;

    /** The ways a provider can fail, and how the context words each one. */
    enum Failure {
        SERVER_ERROR(aResponse().withStatus(500), "HTTP 500"),
        TIMEOUT(okJson("{}").withFixedDelay(2500), "timed out after 700 ms"),
        MALFORMED_BODY(okJson("{\"daily\": {\"time\": [\"2027-03-27\"], "), "malformed response"),
        THROTTLED(aResponse().withStatus(429).withHeader("Retry-After", "60"), "HTTP 429, Retry-After 60s");

        final ResponseDefinitionBuilder response;
        final String reason;

        Failure(ResponseDefinitionBuilder response, String reason) {
            this.response = response;
            this.reason = reason;
        }
    }

    /** Each provider as a whole enrichment meets it: the trip that asks it, what it answers, the part it fills. */
    enum Live {
        WEATHER(Providers::openMeteo, "Lisbon", FORECAST, FORECAST_BODY, "weather", "climate-normals"),
        EXCHANGE_RATE(Providers::frankfurter, "Lisbon", RATES, RATES_BODY, "exchange-rate", "ecb-offline"),
        POINTS_OF_INTEREST(Providers::overpass, "Munich", OVERPASS, OVERPASS_BODY, "points-of-interest", "none");

        final Function<Providers, Provider> provider;
        final String destination;
        final String path;
        final String body;
        final String part;
        final String offline;

        Live(
                Function<Providers, Provider> provider,
                String destination,
                String path,
                String body,
                String part,
                String offline) {
            this.provider = provider;
            this.destination = destination;
            this.path = path;
            this.body = body;
            this.part = part;
            this.offline = offline;
        }
    }

    @BeforeAll
    static void start() {
        stub.start();
        TestProviders.warmUp(stub.baseUrl());
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @BeforeEach
    void freshProviders() {
        stub.resetAll();
        providers = TestProviders.stubbed(stub.baseUrl(), ONE_WEEK_BEFORE, new SimpleMeterRegistry());
    }

    @Test
    void withTheStubsAnsweringWeatherAndRateComeFromThem() {
        // given
        stub.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(FORECAST_BODY)));
        stub.stubFor(get(urlPathEqualTo(RATES)).willReturn(okJson(RATES_BODY)));

        // when
        PlanningContext context = enrich("Lisbon");

        // then
        assertThat(context.days())
                .extracting(TripDay::weather)
                .extracting(DayWeather::source, DayWeather::maxTemperatureC, DayWeather::rainy)
                .containsExactly(
                        tuple(DayWeather.Source.OPEN_METEO, 18.4, false),
                        tuple(DayWeather.Source.OPEN_METEO, 16.1, true),
                        tuple(DayWeather.Source.OPEN_METEO, 20.3, false));
        assertThat(context.days().get(1).weather().conditions()).isEqualTo("rain");
        assertThat(context.days().get(1).weather().fetchedAt()).isEqualTo(ONE_WEEK_BEFORE.instant());
        assertThat(context.warnings())
                .contains("Rain is forecast on Sunday 2027-03-28 (85% chance, 7.5 mm): "
                        + "indoor places are the safer choice");
        assertThat(context.exchangeRate()).isNotNull();
        assertThat(context.exchangeRate().rate()).isEqualTo(1.1234);
        assertThat(context.exchangeRate().asOf()).isEqualTo(LocalDate.of(2027, 3, 19));
        assertThat(context.exchangeRate().source()).isEqualTo("frankfurter");
        assertThat(context.sources()).noneMatch(ContextSource::fallback);
        assertThat(source(context, "weather")).extracting(ContextSource::source).isEqualTo("open-meteo");
        stub.verify(getRequestedFor(urlPathEqualTo(FORECAST))
                .withQueryParam("start_date", WireMock.equalTo("2027-03-27"))
                .withQueryParam("timezone", WireMock.equalTo("Europe/Lisbon")));
    }

    @Test
    void withTheStubAnsweringADestinationWithoutCuratedDataGetsItsPlacesFromOverpass() {
        stub.stubFor(get(urlPathEqualTo(OVERPASS)).willReturn(okJson(OVERPASS_BODY)));

        PlanningContext context = enrich("Munich");

        assertThat(context.pois())
                .extracting(PointOfInterest::id, PointOfInterest::name, PointOfInterest::category)
                .containsExactly(
                        tuple("munich.osm-way-202", "Stub Garden", Interest.NATURE),
                        tuple("munich.osm-node-101", "Stub Museum", Interest.CULTURE));
        assertThat(source(context, "points-of-interest"))
                .extracting(ContextSource::source, ContextSource::fallback)
                .containsExactly("overpass", false);
        assertThat(context.pois().get(1).openWindows())
                .extracting(w -> w.date())
                .containsExactly(FIRST, FIRST.plusDays(1));
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void withTheStubsFailingEnrichmentSucceedsFromOfflineDataAndNamesTheFallbacks(Failure failure) {
        // given every provider failing the same way
        List.of(FORECAST, RATES, OVERPASS)
                .forEach(path -> stub.stubFor(get(urlPathEqualTo(path)).willReturn(failure.response)));

        // when
        PlanningContext lisbon = enrich("Lisbon");
        PlanningContext munich = enrich("Munich");

        // then
        assertThat(lisbon.days())
                .allSatisfy(day -> assertThat(day.weather().source()).isEqualTo(DayWeather.Source.CLIMATE_NORMALS));
        assertThat(source(lisbon, "weather"))
                .satisfies(weather -> assertFallback(weather, "climate-normals", "open-meteo: " + failure.reason));
        assertThat(lisbon.exchangeRate().source()).isEqualTo("ecb-offline");
        assertThat(source(lisbon, "exchange-rate"))
                .satisfies(rate -> assertFallback(rate, "ecb-offline", "frankfurter: " + failure.reason));
        assertThat(munich.pois()).isEmpty();
        assertThat(source(munich, "points-of-interest"))
                .satisfies(pois -> assertFallback(pois, "none", "overpass: " + failure.reason));
    }

    @ParameterizedTest
    @EnumSource(Live.class)
    void anOpenBreakerSkipsTheProviderUntilItHeals(Live live) {
        // given every provider answering but the one under test, which fails until its breaker opens
        providers = TestProviders.stubbed(
                TestProviders.openingFor(URI.create(stub.baseUrl()), OPEN_FOR),
                ONE_WEEK_BEFORE,
                new SimpleMeterRegistry());
        Provider provider = live.provider.apply(providers);
        stubEveryProviderAnswering();
        stub.stubFor(get(urlPathEqualTo(live.path)).willReturn(aResponse().withStatus(503)));
        enrich(live.destination);
        enrich(live.destination);
        assertThat(provider.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = calls(live.path);

        // when
        PlanningContext whileOpen = enrich(live.destination);

        // then the provider is not even asked, and the context says why
        assertThat(calls(live.path)).isEqualTo(callsWhenOpened);
        assertThat(source(whileOpen, live.part))
                .satisfies(source -> assertFallback(source, live.offline, provider.name() + ": circuit breaker open"));

        // and when the provider heals, a half-open trial lets it back in and closes the breaker
        stub.stubFor(get(urlPathEqualTo(live.path)).willReturn(okJson(live.body)));
        await().atMost(OPEN_FOR.plusSeconds(9))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !source(enrich(live.destination), live.part).fallback());
        assertThat(provider.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls(live.path)).isEqualTo(callsWhenOpened + 1);
        assertThat(source(enrich(live.destination), live.part))
                .extracting(ContextSource::source, ContextSource::fallback)
                .containsExactly(provider.name(), false);
    }

    @Test
    void aFullBulkheadFallsBackToOfflineDataAndSaysSo() throws Exception {
        // given every provider answering, but with room for one call at a time, taken by a call still in flight
        providers = TestProviders.stubbed(
                TestProviders.withBulkhead(URI.create(stub.baseUrl()), 1, Duration.ZERO),
                ONE_WEEK_BEFORE,
                new SimpleMeterRegistry());
        stubEveryProviderAnswering();
        stub.stubFor(get(urlPathEqualTo(HELD)).willReturn(okJson("{}")));
        try (HeldCalls inFlight = new HeldCalls()) {
            for (Provider provider : providers.all()) {
                inFlight.hold(provider, URI.create(stub.baseUrl() + HELD + "?by=" + provider.name()));
            }

            // when
            PlanningContext lisbon = enrich("Lisbon");
            PlanningContext munich = enrich("Munich");

            // then no provider is asked, and each part says which fallback stood in and why
            String full = "too many concurrent calls (bulkhead full)";
            assertThat(lisbon.days())
                    .allSatisfy(day -> assertThat(day.weather().source()).isEqualTo(DayWeather.Source.CLIMATE_NORMALS));
            assertThat(source(lisbon, "weather"))
                    .satisfies(weather -> assertFallback(weather, "climate-normals", "open-meteo: " + full));
            assertThat(lisbon.exchangeRate().source()).isEqualTo("ecb-offline");
            assertThat(source(lisbon, "exchange-rate"))
                    .satisfies(rate -> assertFallback(rate, "ecb-offline", "frankfurter: " + full));
            assertThat(munich.pois()).isEmpty();
            assertThat(source(munich, "points-of-interest"))
                    .satisfies(pois -> assertFallback(pois, "none", "overpass: " + full));
            assertThat(List.of(FORECAST, RATES, OVERPASS))
                    .allSatisfy(path -> assertThat(calls(path)).isZero());
            assertThat(inFlight.release()).allMatch(ProviderResult::succeeded);
        }

        // and once the calls in flight are done, the providers are used again
        PlanningContext after = enrich("Lisbon");
        assertThat(after.sources()).noneMatch(ContextSource::fallback);
        assertThat(after.exchangeRate().source()).isEqualTo("frankfurter");
    }

    private static void stubEveryProviderAnswering() {
        stub.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(FORECAST_BODY)));
        stub.stubFor(get(urlPathEqualTo(RATES)).willReturn(okJson(RATES_BODY)));
        stub.stubFor(get(urlPathEqualTo(OVERPASS)).willReturn(okJson(OVERPASS_BODY)));
    }

    private static int calls(String path) {
        return stub.findAll(getRequestedFor(urlPathEqualTo(path))).size();
    }

    private static void assertFallback(ContextSource source, String offline, String reason) {
        assertThat(source.source()).isEqualTo(offline);
        assertThat(source.fallback()).isTrue();
        assertThat(source.reason()).startsWith(reason);
    }

    private static ContextSource source(PlanningContext context, String part) {
        return context.sources().stream()
                .filter(source -> source.part().equals(part))
                .findFirst()
                .orElseThrow();
    }

    /** Runs a whole enrichment, as the listener would, and returns the context of its succeeded completion. */
    private PlanningContext enrich(String destination) {
        RecordingPublisher publisher = new RecordingPublisher();
        TripEnricher enricher = new TripEnricher(
                new DestinationResolver(destinations),
                destinations,
                catalog,
                TestPlaces.of(catalog, providers),
                TestContexts.builder(ONE_WEEK_BEFORE, providers),
                publisher);
        TripRequest request = TripRequests.to(destination)
                .dates(FIRST, LAST)
                .interests(Interest.CULTURE)
                .currency("USD")
                .build();

        Outcome outcome = enricher.enrich(
                EnrichmentRequested.of("trip", request),
                new RecordHeaders(),
                new ProgressThrottle(StageHandler.PROGRESS_MIN_INTERVAL, System::nanoTime));

        assertThat(outcome).isEqualTo(Outcome.SUCCEEDED);
        EnrichmentCompleted completed = (EnrichmentCompleted)
                publisher.published.get(publisher.published.size() - 1).event();
        return Optional.ofNullable(completed.context()).orElseThrow();
    }
}
