package io.itinera.enrichment.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.itinera.events.Outcome;
import io.itinera.events.TopicNames;
import io.itinera.events.TripRequests;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.DayWeather;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.trip.TripRequest;
import io.itinera.kafka.KafkaTestBroker;
import io.itinera.kafka.TopicRecords;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service itself, on a real broker, with every live provider switched on against a local stub server: a trip
 * comes back SUCCEEDED with the stubs' data, or with offline fallbacks named when they fail; an open breaker shows in
 * the health details and metrics but leaves the service ready.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "enrichment.providers.open-meteo.enabled=true",
            "enrichment.providers.frankfurter.enabled=true",
            "enrichment.providers.overpass.enabled=true",
            "enrichment.providers.open-meteo.timeout=700ms",
            "enrichment.providers.open-meteo.max-attempts=2",
            "enrichment.providers.open-meteo.initial-backoff=20ms",
            "enrichment.providers.open-meteo.minimum-calls=4",
            "enrichment.providers.open-meteo.sliding-window-size=4",
            "enrichment.providers.open-meteo.open-for=10m",
            "enrichment.providers.open-meteo.cache-ttl=1ms",
            "enrichment.providers.frankfurter.max-attempts=2",
            "enrichment.providers.frankfurter.initial-backoff=20ms",
            "enrichment.providers.frankfurter.cache-ttl=1ms"
        })
@ActiveProfiles("test")
class ProvidersWiringIntegrationTests {

    private static final WireMockServer stub = startedStub();
    private static final Instant ONE_WEEK_BEFORE = Instant.parse("2027-03-20T09:00:00Z");

    @Autowired
    KafkaOperations<String, Object> kafka;

    @Autowired
    Providers providers;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalManagementPort
    int managementPort;

    private WebTestClient management;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KafkaTestBroker::bootstrapServers);
        for (String provider : List.of("open-meteo", "frankfurter", "overpass")) {
            registry.add("enrichment.providers.%s.base-url".formatted(provider), stub::baseUrl);
        }
    }

    /** Pins "now" a week before the trips, so that their days lie within the forecast horizon. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OneWeekBefore {

        @Bean
        @Primary
        Clock oneWeekBefore() {
            return Clock.fixed(ONE_WEEK_BEFORE, ZoneOffset.UTC);
        }
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @BeforeEach
    void connect() {
        stub.resetAll();
        providers.all().forEach(provider -> provider.breaker().reset()); // each test starts with closed breakers
        management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void aTripTakesItsWeatherAndRateFromTheProviders() throws Exception {
        stub.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(okJson("""
                {"daily": {"time": ["2027-03-27", "2027-03-28", "2027-03-29"],
                           "weather_code": [0, 0, 0], "temperature_2m_min": [12.5, 12.5, 12.5],
                           "temperature_2m_max": [21.5, 21.5, 21.5], "precipitation_sum": [0, 0, 0],
                           "precipitation_probability_max": [0, 0, 0]}}""")));
        stub.stubFor(get(urlPathEqualTo("/v1/latest")).willReturn(okJson("""
                {"amount": 1.0, "base": "EUR", "date": "2027-03-19", "rates": {"GBP": 0.8512}}""")));

        PlanningContext context = enrich("Lisbon");

        assertThat(context.days()).allSatisfy(day -> {
            assertThat(day.weather().source()).isEqualTo(DayWeather.Source.OPEN_METEO);
            assertThat(day.weather().maxTemperatureC()).isEqualTo(21.5);
        });
        assertThat(context.exchangeRate().rate()).isEqualTo(0.8512);
        assertThat(context.exchangeRate().source()).isEqualTo("frankfurter");
    }

    @Test
    void aTripStillSucceedsWhenEveryProviderFailsAndSaysWhichFallbacksItUsed() throws Exception {
        stub.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(500)));
        stub.stubFor(get(urlPathEqualTo("/v1/latest")).willReturn(aResponse().withStatus(500)));

        PlanningContext context = enrich("Lisbon");

        assertThat(context.days())
                .allSatisfy(day -> assertThat(day.weather().source()).isEqualTo(DayWeather.Source.CLIMATE_NORMALS));
        assertThat(context.sources())
                .filteredOn(ContextSource::fallback)
                .extracting(ContextSource::part, ContextSource::source, ContextSource::reason)
                .containsExactlyInAnyOrder(
                        tuple("weather", "climate-normals", "open-meteo: HTTP 500"),
                        tuple("exchange-rate", "ecb-offline", "frankfurter: HTTP 500"));
    }

    @Test
    void anOpenBreakerShowsInHealthAndMetricsButTheServiceStaysReady() {
        // given Open-Meteo failing until its breaker opens
        stub.stubFor(get(urlPathEqualTo("/v1/forecast")).willReturn(aResponse().withStatus(503)));
        URI forecast = URI.create(stub.baseUrl() + "/v1/forecast?probe=" + UUID.randomUUID());
        while (providers.openMeteo().breakerState() != CircuitBreaker.State.OPEN) {
            providers.openMeteo().get(forecast, body -> body);
        }

        // then
        management
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.components.providers.status")
                .isEqualTo("UP")
                .jsonPath("$.components.providers.details.open-meteo.breaker")
                .isEqualTo("OPEN")
                .jsonPath("$.components.providers.details.open-meteo.fallback")
                .isEqualTo("offline data")
                .jsonPath("$.components.providers.details.frankfurter.enabled")
                .isEqualTo(true);
        management
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.providers")
                .doesNotExist();
        String scrape = management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape)
                .containsPattern(
                        "resilience4j_circuitbreaker_state\\{[^}]*name=\"open-meteo\"[^}]*state=\"open\"[^}]*\\} 1")
                .containsPattern("itinera_provider_requests_seconds_count\\{[^}]*outcome=\"failure\"[^}]*"
                        + "provider=\"open-meteo\"[^}]*\\} [1-9]")
                .contains("resilience4j_retry_calls_total")
                .contains("resilience4j_bulkhead_available_concurrent_calls");
    }

    private PlanningContext enrich(String destination) throws Exception {
        String tripId = UUID.randomUUID().toString();
        TripRequest request = TripRequests.to(destination)
                .dates(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 3, 29))
                .currency("GBP")
                .build();
        try (TopicRecords<Object> completed =
                TopicRecords.of(bootstrapServers, new EventDeserializer<>(), TopicNames.ENRICHMENT_COMPLETED)) {
            // in a transaction, as the saga sends: the service's own template is transactional (exactly-once)
            kafka.executeInTransaction(operations -> operations.send(
                            TopicNames.ENRICHMENT_REQUEST, tripId, EnrichmentRequested.of(tripId, request)))
                    .get();
            List<ConsumerRecord<String, Object>> records = completed.awaitFor(
                    tripId, seen -> seen.stream().anyMatch(r -> r.value() instanceof EnrichmentCompleted));
            EnrichmentCompleted outcome = (EnrichmentCompleted) records.get(0).value();
            assertThat(outcome.outcome()).isEqualTo(Outcome.SUCCEEDED);
            return outcome.context();
        }
    }

    private static WireMockServer startedStub() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        TestProviders.warmUp(server.baseUrl());
        return server;
    }
}
