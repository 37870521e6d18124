package io.itinera.enrichment.destination;

import io.itinera.enrichment.EnrichmentIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /api/v1/destinations} over real HTTP on the running service. */
@EnrichmentIntegrationTest
class DestinationControllerIntegrationTests {

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void connect() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void findsLisbonFromItsFirstLetters() {
        http.get()
                .uri("/api/v1/destinations?q=lisbo")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.query")
                .isEqualTo("lisbo")
                .jsonPath("$.results[0].id")
                .isEqualTo("lisbon")
                .jsonPath("$.results[0].country")
                .isEqualTo("PT")
                .jsonPath("$.results[0].timeZone")
                .isEqualTo("Europe/Lisbon")
                .jsonPath("$.results[0].population")
                .isEqualTo(517802)
                .jsonPath("$.results[0].lat")
                .isEqualTo(38.71667)
                .jsonPath("$.results[0].curated")
                .isEqualTo(true)
                .jsonPath("$.results[0].plannable")
                .isEqualTo(true)
                .jsonPath("$.results[0].match")
                .isEqualTo("prefix");
    }

    @Test
    void marksWhichDestinationsCanBePlanned() {
        http.get()
                .uri("/api/v1/destinations?q=munich&limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.results[0].country")
                .isEqualTo("DE")
                .jsonPath("$.results[0].curated")
                .isEqualTo(false)
                .jsonPath("$.results[0].plannable")
                .isEqualTo(false);
        http.get()
                .uri("/api/v1/destinations/coverage")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.anyDestination")
                .isEqualTo(false)
                .jsonPath("$.count")
                .isEqualTo(12)
                .jsonPath("$.offline[?(@.id == 'lisbon')].name")
                .isEqualTo("Lisbon")
                .jsonPath("$.offline[?(@.id == 'munich')]")
                .isEmpty();
    }

    @Test
    void forgivesATypoAndHonoursTheLimit() {
        http.get()
                .uri("/api/v1/destinations?q=Amsterdm&limit=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(1)
                .jsonPath("$.results[0].id")
                .isEqualTo("amsterdam")
                .jsonPath("$.results[0].match")
                .isEqualTo("typo");
    }

    @Test
    void looksADestinationUpById() {
        http.get()
                .uri("/api/v1/destinations/rome")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Rome")
                .jsonPath("$.currency")
                .isEqualTo("EUR");
    }

    @Test
    void answersBadRequestsAsProblemDetails() {
        http.get()
                .uri("/api/v1/destinations?q=")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-request")
                .jsonPath("$.errors[0].field")
                .isEqualTo("q");
        http.get()
                .uri("/api/v1/destinations?q=rome&limit=5000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        http.get()
                .uri("/api/v1/destinations/atlantis")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/unknown-destination");
    }
}
