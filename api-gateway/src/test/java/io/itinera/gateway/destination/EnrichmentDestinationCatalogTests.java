package io.itinera.gateway.destination;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.itinera.gateway.problem.Problem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The accept path's destination check against a slow or failing api-enrichment over real HTTP (WireMock): a burst for
 * one destination makes one call, a slow answer still serves the requests after it, a remembered answer is served
 * while it is refreshed or while the search is down, and the warm-up searches the offline catalogue.
 */
class EnrichmentDestinationCatalogTests {

    private static final String SEARCH = DestinationsApiDocumentation.PATH;
    private static final String LISBON = """
            {"query":"Lisbon","count":2,"results":[
             {"id":"lisbon","name":"Lisbon","country":"PT","match":"exact","plannable":true},
             {"id":"lisbon-us","name":"Lisbon","country":"US","match":"exact","plannable":false}]}""";

    private static WireMockServer enrichment;

    @BeforeAll
    static void start() {
        enrichment = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        enrichment.start();
    }

    @AfterAll
    static void stop() {
        enrichment.stop();
    }

    @BeforeEach
    void reset() {
        enrichment.resetAll();
    }

    @Test
    void concurrentChecksOfOneDestinationShareOneSlowCall() {
        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(LISBON).withFixedDelay(500)));
        EnrichmentDestinationCatalog catalog = catalog(Duration.ofMinutes(10), Duration.ofSeconds(5));

        List<Optional<Throwable>> outcomes = Flux.range(0, 100)
                .flatMap(
                        i -> outcome(catalog.check(i % 2 == 0 ? "Lisbon" : "LISBON", i % 3 == 0 ? null : "lisbon")),
                        100)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(outcomes)
                .hasSize(100)
                .allSatisfy(outcome -> assertThat(outcome).isEmpty());
        enrichment.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
        // The other Lisbon of the same answer is told apart without another call.
        assertRefused(catalog.check("Lisbon", "lisbon-us"), "/problems/destination-not-covered");
        enrichment.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aSearchSlowerThanTheWaitStillAnswersTheRequestsAfterIt() {
        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(LISBON).withFixedDelay(1_000)));
        EnrichmentDestinationCatalog catalog = catalog(Duration.ofMinutes(10), Duration.ofMillis(100));

        assertRefused(catalog.check("Lisbon", "lisbon"), "/problems/destinations-unavailable");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> outcome(catalog.check("Lisbon", "lisbon")).block(), Optional::isEmpty);
        enrichment.verify(1, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    @Test
    void aRememberedAnswerIsServedWhileItIsRefreshedOrTheSearchIsDown() {
        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(LISBON)));
        // Stale as soon as it is remembered: every check after the first refreshes it.
        EnrichmentDestinationCatalog catalog = catalog(Duration.ZERO, Duration.ofMillis(200));
        assertThat(outcome(catalog.check("Lisbon", "lisbon")).block()).isEmpty();

        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(503)));
        assertThat(outcome(catalog.check("Lisbon", "lisbon")).block()).isEmpty();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> enrichment.verify(2, getRequestedFor(urlPathEqualTo(SEARCH))));

        // The failed refresh pauses refreshing: a search that is down is not asked once per request.
        assertThat(outcome(catalog.check("Lisbon", "lisbon")).block()).isEmpty();
        enrichment.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));

        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(LISBON).withFixedDelay(5_000)));
        assertThat(outcome(catalog.check("Lisbon", "lisbon")).block(Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void theWarmUpSearchesEveryDestinationOfTheOfflineCatalogue() {
        enrichment.stubFor(get(urlPathEqualTo(SEARCH + "/coverage")).willReturn(okJson("""
                {"anyDestination":false,"count":2,"offline":[
                 {"id":"lisbon","name":"Lisbon","country":"PT"},{"id":"porto","name":"Porto","country":"PT"}]}""")));
        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(LISBON)));
        EnrichmentDestinationCatalog catalog = catalog(Duration.ofMinutes(10), Duration.ofSeconds(2));

        assertThat(catalog.warmUp().block(Duration.ofSeconds(10))).isEqualTo(2);
        enrichment.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
        enrichment.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(503)));
        assertThat(outcome(catalog.check("lisbon", "lisbon")).block()).isEmpty();
        enrichment.verify(2, getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    private static EnrichmentDestinationCatalog catalog(Duration fresh, Duration timeout) {
        return new EnrichmentDestinationCatalog(
                WebClient.builder(),
                new RouteProperties(URI.create(enrichment.baseUrl())),
                new DestinationCheckProperties(fresh, timeout, false));
    }

    private static void assertRefused(Mono<Void> check, String problemType) {
        assertThat(outcome(check).block())
                .get()
                .isInstanceOfSatisfying(
                        Problem.class,
                        problem -> assertThat(problem.getBody().getType()).hasToString(problemType));
    }

    /** Empty when the check let the trip through, else what it failed with. */
    private static Mono<Optional<Throwable>> outcome(Mono<Void> check) {
        return check.then(Mono.just(Optional.<Throwable>empty()))
                .onErrorResume(failure -> Mono.just(Optional.of(failure)));
    }
}
