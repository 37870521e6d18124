package io.itinera.gateway.security;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.gateway.EnrichmentStub;
import io.itinera.gateway.GatewayIntegrationTest;
import io.itinera.gateway.TestTokens;
import io.itinera.gateway.TripClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/**
 * Spring Security in front of every route: the firewall refuses URLs that decode to something else than they say,
 * every {@code /api/**} route needs a credential, and API-key and JWT clients live in separate namespaces.
 */
class ApiSecurityIntegrationTests extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%61pi/v1/trips/x",
                "/api;a=b/v1/trips/x",
                "/api/v1;x/trips",
                "/api/v1/trips/x%2Fy",
                "/api/v1/trips/%2e%2e/proposals",
                "/api/v1/./trips",
                "/api/v1/trips/../proposals",
                "/api/v1/trips/%25",
                "/api/v1/trips/x%5Cy"
            })
    void urlsThatDecodeToAnotherPathAreRejectedBeforeAnyDecision(String rawPath) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url(rawPath)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/rejected-request\"");
    }

    @Test
    void theRoutedSearchCannotBeReachedWithoutAKeyThroughAParameter() throws Exception {
        EnrichmentStub.answer(200, "{\"data\":[]}");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api;x/v1/destinations?q=lisbo")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(EnrichmentStub.seen()).isEmpty();
        assertThat(send(HttpRequest.newBuilder(url("/api/v1/destinations/lisbon")))
                        .statusCode())
                .isEqualTo(401);
        assertThat(EnrichmentStub.seen()).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAreABadRequestNotTheFirstOneWins() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v1/trips"))
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .header(HttpHeaders.AUTHORIZATION, bearer("not-a-key")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("exactly one Authorization header");
    }

    @Test
    void aTokenNamingAnApiKeyClientIsAnotherClient() {
        String tripOfA = TripClient.post(web, KEY_A, lisbon());
        String impostor = TestTokens.forClient("client-a");

        web.get()
                .uri("/api/v1/trips/{id}", tripOfA)
                .header(HttpHeaders.AUTHORIZATION, bearer(impostor))
                .exchange()
                .expectStatus()
                .isNotFound();
        web.get()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(impostor))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data")
                .isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        for (String token : new String[] {
            TestTokens.mint(TestTokens.keys(), TestTokens.ISSUER, "another-api", "client-a", 300),
            TestTokens.mint(TestTokens.keys(), "https://evil.example.test", TestTokens.AUDIENCE, "client-a", 300)
        }) {
            web.get()
                    .uri("/api/v1/trips")
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The access token is not valid.");
        }
    }

    @Test
    void aTokenClientOwnsItsOwnTrips() {
        String token = TestTokens.forClient("mobile-app");
        String trip = TripClient.post(web, token, lisbon());

        assertThat(TripClient.get(web, token, trip).get("id").asString()).isEqualTo(trip);
        web.get()
                .uri("/api/v1/trips/{id}", trip)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theApiDocumentationIsPublicByDesign() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/v3/api-docs"))).statusCode())
                .isEqualTo(200);
    }

    private static String lisbon() {
        LocalDate start = LocalDate.now().plusMonths(2);
        return """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(1));
    }

    private URI url(String rawPath) {
        return URI.create("http://localhost:" + port + rawPath);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
