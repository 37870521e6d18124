package io.itinera.gateway.trip;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.KEY_B;
import static io.itinera.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.gateway.EnrichmentStub;
import io.itinera.gateway.SharedGatewayIntegrationTest;
import io.itinera.gateway.TripClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public trip API against a running gateway and a real broker: acceptance, reads, and every error path. */
class TripApiIntegrationTests extends SharedGatewayIntegrationTest {

    @LocalManagementPort
    int managementPort;

    static String lisbon() {
        LocalDate start = LocalDate.now().plusMonths(2);
        return """
                {"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,
                 "interests":["culture","food","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}""".formatted(start, start.plusDays(2));
    }

    @Test
    void acceptsATripAndServesItToItsOwner() {
        WebTestClient.ResponseSpec accepted =
                post(KEY_A, lisbon()).expectStatus().isAccepted();
        String id = accepted.expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/api/v1/trips/[0-9a-f-]{36}")
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.links.self")
                .value(String.class, self -> assertThat(self).startsWith("/api/v1/trips/"))
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .getPath()
                .replace("/api/v1/trips/", "");

        web.get()
                .uri("/api/v1/trips/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.request.destination")
                .isEqualTo("Lisbon")
                .jsonPath("$.request.interests[2]")
                .isEqualTo("viewpoints")
                .jsonPath("$.progress[0].step")
                .isEqualTo("accepted");
    }

    @Test
    void anotherClientCannotSeeTheTrip() {
        String location = post(KEY_A, lisbon())
                .expectStatus()
                .isAccepted()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .getPath();

        web.get()
                .uri(location)
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_B))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void echoesTheCallersRequestId() {
        web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .header("X-Request-Id", "my-request-123")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lisbon())
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectHeader()
                .valueEquals("X-Request-Id", "my-request-123");
    }

    @Test
    void unknownTripIsNotFound() {
        web.get()
                .uri("/api/v1/trips/{id}", "00000000-0000-0000-0000-000000000000")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/not-found")
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/trips/00000000-0000-0000-0000-000000000000");
    }

    @Test
    void missingKeyIsUnauthorized() {
        web.post()
                .uri("/api/v1/trips")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lisbon())
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Unauthorized");
    }

    @Test
    void wrongKeyIsUnauthorized() {
        web.get()
                .uri("/api/v1/trips/{id}", "anything")
                .header(HttpHeaders.AUTHORIZATION, bearer("not-a-key"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The API key is not valid.");
    }

    @Test
    void endDateBeforeStartDateIsRejectedWithTheField() {
        String body = """
                {"destination":"Lisbon","startDate":"2099-05-12","endDate":"2099-05-10","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""";
        expectInvalid(body, "endDate", "must not be before startDate");
    }

    @Test
    void tripsLongerThanThreeWeeksAreRejected() {
        String body = """
                {"destination":"Lisbon","startDate":"2099-05-01","endDate":"2099-05-22","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""";
        expectInvalid(body, "endDate", "a trip lasts at most 21 days");
    }

    @Test
    void unknownPaceIsRejectedWithTheAllowedValues() {
        String body = """
                {"destination":"Lisbon","startDate":"2099-05-10","endDate":"2099-05-12","travelers":2,
                 "interests":["culture"],"pace":"SPRINT","budget":"MEDIUM"}""";
        expectInvalid(body, "pace", "must be one of RELAXED, MODERATE, PACKED");
    }

    @Test
    void unknownInterestIsRejectedWithTheVocabulary() {
        String body = """
                {"destination":"Lisbon","startDate":"2099-05-10","endDate":"2099-05-12","travelers":2,
                 "interests":["culture","karaoke"],"pace":"MODERATE","budget":"MEDIUM"}""";
        post(KEY_A, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("interests[1]")
                .jsonPath("$.errors[0].message")
                .value(
                        String.class,
                        message -> assertThat(message).contains("culture").contains("viewpoints"));
    }

    @Test
    void unknownFieldsAreRejected() {
        String body = """
                {"destination":"Lisbon","startDate":"2099-05-10","endDate":"2099-05-12","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM","petFriendly":true}""";
        expectInvalid(body, "petFriendly", "is not a known field");
    }

    @Test
    void missingFieldsAreEachReported() {
        post(KEY_A, "{\"destination\":\"\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/invalid-request")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .contains("budget", "destination", "endDate", "interests", "pace", "startDate", "travelers"));
    }

    @Test
    void pastStartDateIsRejected() {
        String body = """
                {"destination":"Lisbon","startDate":"2020-05-10","endDate":"2020-05-12","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""";
        expectInvalid(body, "startDate", "must not be in the past");
    }

    /** A valid body with one field's raw JSON replaced. */
    static String lisbonWith(String field, String rawJson) {
        String body = lisbon();
        String replaced = body.replaceFirst(
                "\"" + field + "\":(\"[^\"]*\"|\\[[^\\]]*\\]|[0-9]+)",
                "\"" + field + "\":" + Matcher.quoteReplacement(rawJson));
        assertThat(replaced).as("field %s present", field).isNotEqualTo(body);
        return replaced;
    }

    @Test
    void enumIndexesAreNotEnumValues() {
        expectInvalid(lisbonWith("pace", "1"), "pace", "must be one of RELAXED, MODERATE, PACKED");
        post(KEY_A, lisbonWith("interests", "[0,9]"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("interests[0]");
    }

    @Test
    void scalarsAreNotCoercedIntoAnotherTrip() {
        expectInvalid(lisbonWith("travelers", "2.7"), "travelers", "must be a valid integer");
        expectInvalid(lisbonWith("travelers", "\"2\""), "travelers", "must be a valid integer");
        expectInvalid(lisbonWith("destination", "true"), "destination", "must be a valid string");
    }

    @Test
    void duplicateKeysAreRejectedNotLastWins() {
        String body = lisbon().replace("\"pace\":\"MODERATE\"", "\"pace\":\"MODERATE\",\"pace\":\"PACKED\"");
        expectInvalid(body, "pace", "appears more than once");
    }

    @Test
    void controlAndBidiOverrideCharactersAreRejectedInText() {
        String message = "must not contain control or bidirectional-override characters";
        expectInvalid(lisbonWith("destination", "\"Lis\\u0000bon\""), "destination", message);
        expectInvalid(lisbonWith("destination", "\"\u202Enobsil\""), "destination", message);
        String mustSee = lisbon().replace("\"budget\"", "\"mustSee\":[\"lisbon.belem\",\"a\u2066b\"],\"budget\"");
        expectInvalid(mustSee, "mustSee[1]", message);
    }

    @Test
    void mustSeeEntriesHaveALengthLimit() {
        String mustSee = lisbon().replace("\"budget\"", "\"mustSee\":[\"" + "x".repeat(101) + "\"],\"budget\"");
        expectInvalid(mustSee, "mustSee[0]", "size must be between 0 and 100");
    }

    @Test
    void startDatesStayWithinTheWindow() {
        String body = """
                {"destination":"Lisbon","startDate":"+999999999-01-01","endDate":"+999999999-01-02","travelers":2,
                 "interests":["culture"],"pace":"MODERATE","budget":"MEDIUM"}""";
        post(KEY_A, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'startDate')].message")
                .value(messages -> assertThat(messages.toString()).contains("must not be after"));
        LocalDate tooFar = LocalDate.now().plusYears(2).plusDays(2);
        expectInvalid(
                lisbon().replaceAll("\\d{4}-\\d{2}-\\d{2}", tooFar.toString()),
                "startDate",
                "must not be after " + LocalDate.now(ZoneOffset.UTC).plusYears(2));
    }

    @Test
    void aDestinationIdContradictingTheDestinationIsRejected() {
        EnrichmentStub.answer(200, """
                {"query":"Lisbon","count":1,"results":[{"id":"lisbon","name":"Lisbon","match":"exact"}]}""");
        String porto = lisbon().replace(
                        "\"destination\":\"Lisbon\"", "\"destination\":\"Lisbon\",\"destinationId\":\"porto\"");
        expectInvalid(porto, "destinationId", "is not the destination named 'Lisbon'");

        String pinned = lisbon().replace(
                        "\"destination\":\"Lisbon\"", "\"destination\":\"Lisbon\",\"destinationId\":\"lisbon\"");
        post(KEY_A, pinned).expectStatus().isAccepted();
        assertThat(EnrichmentStub.seen())
                .allSatisfy(seen -> assertThat(seen.pathAndQuery()).startsWith("/api/v1/destinations?q=Lisbon"));
    }

    @Test
    void aPinnedDestinationCannotBeCheckedWhileSearchIsDown() {
        EnrichmentStub.answer(503, "{}");
        // A pair no other test has checked: verdicts are remembered.
        String pinned = lisbon().replace(
                        "\"destination\":\"Lisbon\"", "\"destination\":\"Lisboa\",\"destinationId\":\"lisbon\"");
        post(KEY_A, pinned)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/destinations-unavailable");
        EnrichmentStub.answer(200, "{\"results\":[]}");
    }

    @Test
    void aDestinationWithoutPlacesIsRefusedNamingWhatIsCovered() {
        EnrichmentStub.answer(200, """
                {"query":"Munich","count":2,"results":[
                 {"id":"munich","name":"Munich","country":"DE","match":"exact","plannable":false},
                 {"id":"munich-2","name":"Munich","country":"US","match":"exact","plannable":true}]}""");
        EnrichmentStub.answer("/api/v1/destinations/coverage", 200, """
                {"anyDestination":false,"count":2,"offline":[
                 {"id":"lisbon","name":"Lisbon","country":"PT"},{"id":"porto","name":"Porto","country":"PT"}]}""");
        String munich = lisbon().replace("\"destination\":\"Lisbon\"", "\"destination\":\"Munich\"");

        post(KEY_A, munich)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/destination-not-covered")
                .jsonPath("$.errors[0].field")
                .isEqualTo("destination")
                .jsonPath("$.errors[0].message")
                .value(String.class, message -> assertThat(message).contains("Munich, DE"))
                .jsonPath("$.covered[*].id")
                .isEqualTo(List.of("lisbon", "porto"))
                .jsonPath("$.detail")
                .value(
                        String.class,
                        detail -> assertThat(detail)
                                .contains("Lisbon, Porto")
                                .contains("live OpenStreetMap provider")
                                .contains("operator points-of-interest file"));

        String pinned =
                munich.replace("\"destination\":\"Munich\"", "\"destination\":\"Munich\",\"destinationId\":\"munich\"");
        post(KEY_A, pinned)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("destinationId");
        String plannable = munich.replace(
                "\"destination\":\"Munich\"", "\"destination\":\"Munich\",\"destinationId\":\"munich-2\"");
        post(KEY_A, plannable).expectStatus().isAccepted();
        EnrichmentStub.answer(200, "{\"results\":[]}");
    }

    @Test
    void anUnpinnedTripIsAcceptedWhileSearchIsDown() {
        EnrichmentStub.answer(503, "{}");
        // A name no other test checks, in this class or in the others sharing its gateway: verdicts are remembered.
        String tavira = lisbon().replace("\"destination\":\"Lisbon\"", "\"destination\":\"Tavira\"");
        post(KEY_A, tavira).expectStatus().isAccepted();
        assertThat(EnrichmentStub.seen()).isNotEmpty();
        EnrichmentStub.answer(200, "{\"results\":[]}");
    }

    @Test
    void malformedJsonIsABadRequest() {
        post(KEY_A, "{\"destination\": ")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void probesAndMetricsLiveOnTheManagementPortOnly() {
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
        // Ready once the sagas' Kafka Streams instance has started (it may still be rebalancing).
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> management
                        .get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk());
        management
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics ->
                        assertThat(metrics).contains("kafka_producer").contains("application=\"api-gateway\""));

        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec post(String key, String body) {
        return TripClient.submit(web, key, body);
    }

    private void expectInvalid(String body, String field, String message) {
        post(KEY_A, body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == '%s')].message".formatted(field))
                .value(messages -> assertThat(messages)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactly(message));
    }
}
