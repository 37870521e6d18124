package io.itinera.gateway.system;

import static io.itinera.gateway.GatewayTestSupport.KEY_A;
import static io.itinera.gateway.GatewayTestSupport.KEY_C;
import static io.itinera.gateway.GatewayTestSupport.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.serde.EventJson;
import io.itinera.gateway.EnrichmentStub;
import io.itinera.gateway.GatewayIntegrationTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The conventions every client meets: rate limits, secure headers, size limits, the routed search, the OpenAPI. */
// Short request timeouts here only: on a loaded machine a gateway busy for a second would time out other classes'
// POSTs.
@TestPropertySource(properties = {"gateway.http.request-read-timeout=1s", "gateway.http.request-timeout=3s"})
class GatewayConventionsIntegrationTests extends GatewayIntegrationTest {

    @Autowired
    RequestMappingHandlerMapping controllers;

    @LocalServerPort
    int port;

    @Autowired
    RouteDefinitionLocator routes;

    @Test
    void aClientOverItsBudgetGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            web.get()
                    .uri("/api/v1/trips")
                    .header(HttpHeaders.AUTHORIZATION, bearer(KEY_C))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Limit", "3")
                    .expectHeader()
                    .valueEquals("RateLimit-Remaining", Integer.toString(2 - i));
        }

        web.get()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_C))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .valueEquals("RateLimit-Remaining", "0")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/rate-limited");
        // another client is not affected
        web.get()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void apiAnswersCarrySecureHeaders() {
        web.get()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectHeader()
                .valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void browsersFromAllowedOriginsOnlyMayCallTheApi() {
        web.options()
                .uri("/api/v1/trips")
                .header(HttpHeaders.ORIGIN, "https://app.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type, Idempotency-Key")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.test");

        web.options()
                .uri("/api/v1/trips")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"destination\":\"" + "x".repeat(100_000) + "\"}";
        web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedChunkedBodiesAreRefusedToo() throws Exception {
        byte[] body = ("{\"destination\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/trips"))
                                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                                // An InputStream of unknown length is sent chunked, without Content-Length.
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        assertThat(answer.body()).contains("/problems/body-too-large");
    }

    @ParameterizedTest
    @CsvSource({
        "'GET /api/v1/trips?q=LONG_URI HTTP/1.1', 414",
        "'GET /api/v1/trips HTTP/1.1\\r\\nX-Big: LONG_HEADER', 431",
        "'GET /api/v1/trips HTTP/1.1\\r\\nBad Header: x', 400"
    })
    void requestsNettyCannotDecodeAreAnsweredWithProblemsToo(String head, int status) throws Exception {
        String request = head.replace("\\r\\n", "\r\n")
                        .replace("LONG_URI", "x".repeat(10_000))
                        .replace("LONG_HEADER", "y".repeat(20_000))
                + "\r\nHost: localhost\r\n\r\n";
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":" + status);
    }

    @Test
    void aBodyThatStopsComingIsAnsweredWith408InsteadOfHoldingTheConnection() throws Exception {
        // This class's read timeout is 1 s: nothing more arrives after the first part.
        String answer = postSlowly(List.of("{\"destination\":"), Duration.ZERO);

        assertThat(answer).startsWith("HTTP/1.1 408");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer).contains("/problems/request-timeout");
    }

    @Test
    void aBodyThatTricklesInPastTheRequestTimeoutIsAnsweredWith408() throws Exception {
        // Each part comes within the 1 s read timeout, the whole takes longer than this class's 3 s request timeout.
        String answer = postSlowly(Collections.nCopies(10, "{"), Duration.ofMillis(600));

        assertThat(answer).startsWith("HTTP/1.1 408");
        assertThat(answer).contains("/problems/request-timeout");
    }

    /**
     * Sends the parts of a body declared longer than them, pausing between parts until the gateway answers, and reads
     * the whole answer.
     */
    private String postSlowly(List<String> parts, Duration pause) throws Exception {
        String head = "POST /api/v1/trips HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer(KEY_A)
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            PushbackInputStream in = new PushbackInputStream(socket.getInputStream());
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (String part : parts) {
                try {
                    out.write(part.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closed) {
                    break; // the gateway answered and closed while parts were still to come
                }
                if (answersWithin(socket, in, pause)) {
                    break;
                }
            }
            // A connection still silent after 20 s fails the test.
            socket.setSoTimeout(20_000);
            return readUntilClosed(in);
        }
    }

    /**
     * The whole answer. The gateway closes a connection whose body it stopped reading with a reset, which Java reports
     * on the read after the answer (before, a write of the next part met it first): a reset after an answer ends it.
     */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Whether the gateway starts its answer (or closes) within {@code pause}; what it sent stays to be read. */
    private static boolean answersWithin(Socket socket, PushbackInputStream in, Duration pause) throws IOException {
        if (pause.isZero()) {
            return false;
        }
        socket.setSoTimeout((int) pause.toMillis());
        try {
            int first = in.read();
            if (first >= 0) {
                in.unread(first);
            }
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        }
    }

    /**
     * Reactor Netty 1.3 stops reading a keep-alive connection when a request it had to queue (it arrived before the
     * previous exchange ended, as pipelined requests do) is answered at once while its end is still queued
     * (reactor-netty#4361): the next request on that connection was never answered. {@code KeepAliveReads} resumes it.
     */
    @Test
    void aConnectionKeepsAnsweringAfterAQueuedRequestIsRefusedAtOnce() throws Exception {
        String auth = "Host: localhost\r\nAuthorization: " + bearer(KEY_A) + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Listing answers off the event loop; the firewall refuses the second one at once, while it is queued.
            out.write(("GET /api/v1/trips HTTP/1.1\r\n" + auth + "GET /api;a=b/v1/trips HTTP/1.1\r\n" + auth)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 400");

            out.write(("GET /api/v1/trips HTTP/1.1\r\n" + auth).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
        }
    }

    /**
     * A request line over the limit behind an exchange that has not ended yet: Reactor Netty gave its {@code 414} to
     * that exchange, already answered, and the client waited for ever.
     */
    @Test
    void aRequestLineOverTheLimitBehindAnotherRequestIsAnswered() throws Exception {
        String auth = "Host: localhost\r\nAuthorization: " + bearer(KEY_A) + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET /api/v1/trips HTTP/1.1\r\n" + auth + "GET /api/v1/trips/" + "x".repeat(5_000)
                            + " HTTP/1.1\r\n" + auth)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertThat(readAnswer(in)).startsWith("HTTP/1.1 200");
            assertThat(readAnswer(in)).startsWith("HTTP/1.1 414").contains("/problems/uri-too-long");
        }
    }

    /** One answer with a {@code Content-Length} from a keep-alive connection. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) next);
        }
        String length = head.toString()
                .lines()
                .filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .findFirst()
                .orElseThrow(() -> new IOException("no Content-Length in " + head))
                .substring("content-length:".length())
                .strip();
        return head + new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    }

    @Test
    void nonJsonBodiesAreUnsupported() {
        web.post()
                .uri("/api/v1/trips")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("destination=Lisbon")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void destinationSearchIsRoutedToEnrichmentWithoutTheClientsKey() {
        EnrichmentStub.answer(200, "{\"data\":[{\"id\":\"lisbon\",\"name\":\"Lisbon\"}]}");

        web.get()
                .uri("/api/v1/destinations?q=lisbo&limit=3")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data[0].id")
                .isEqualTo("lisbon");

        assertThat(EnrichmentStub.seen()).singleElement().satisfies(seen -> {
            assertThat(seen.pathAndQuery()).isEqualTo("/api/v1/destinations?q=lisbo&limit=3");
            assertThat(seen.authorization()).isEqualTo("null");
        });
    }

    @Test
    void failingDestinationSearchIsRetriedThenAnsweredWithAProblem() {
        EnrichmentStub.answer(503, "{}");

        web.get()
                .uri("/api/v1/destinations?q=lisbo")
                .header(HttpHeaders.AUTHORIZATION, bearer(KEY_A))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/destinations-unavailable");

        assertThat(EnrichmentStub.seen()).hasSize(3);
        EnrichmentStub.answer(200, "{\"data\":[]}");
    }

    @Test
    void destinationSearchNeedsAKey() {
        web.get().uri("/api/v1/destinations?q=lisbo").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void openApiDocumentIsValidAndMatchesTheImplementation() throws Exception {
        String document = servedDocument();

        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        JsonNode json = EventJson.mapper().readTree(document);
        Set<String> documented = new TreeSet<>();
        json.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .propertyNames()
                        .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(documented).isEqualTo(implemented());
        assertThat(json.get("paths")
                        .get("/api/v1/trips")
                        .get("post")
                        .get("responses")
                        .has("202"))
                .isTrue();
        assertCheckedIn(json);
    }

    /** What a Java client generated from the document met before the document became the contract (issue 12). */
    @Test
    void theDocumentSaysWhatTheServerAnswers() {
        JsonNode doc = EventJson.mapper().readTree(servedDocument());
        JsonNode paths = doc.get("paths");
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> operationIds = new ArrayList<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    JsonNode operation = method.getValue();
                    operationIds.add(operation.get("operationId").asString());
                    // every error is documented, and as a problem
                    assertThat(operation.get("responses").propertyNames())
                            .as("%s %s", method.getKey(), path.getKey())
                            .anyMatch(status -> status.startsWith("4"));
                    operation.get("responses").properties().forEach(response -> {
                        if (response.getKey().startsWith("4")
                                || response.getKey().startsWith("5")) {
                            assertThat(response.getValue()
                                            .at("/content/application~1problem+json/schema/$ref")
                                            .asString())
                                    .as("%s %s %s", method.getKey(), path.getKey(), response.getKey())
                                    .isEqualTo("#/components/schemas/Problem");
                        }
                    });
                }));
        // stable, distinct operation ids, not create1 / get1
        assertThat(operationIds).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*\\d$"));
        // creating answers 202 with where to follow it, not 200
        for (String path : List.of("/api/v1/trips", "/api/v1/proposals")) {
            JsonNode responses = paths.get(path).get("post").get("responses");
            assertThat(responses.has("200")).as(path).isFalse();
            assertThat(responses.at("/202/headers/Location/required").asBoolean())
                    .as(path)
                    .isTrue();
        }
        // live events are an event stream of typed entries, not an array of empty objects
        for (String path : List.of("/api/v1/trips/{id}/events", "/api/v1/proposals/{id}/events")) {
            JsonNode content = paths.get(path).get("get").at("/responses/200/content");
            assertThat(content.propertyNames()).as(path).containsExactly("text/event-stream");
            assertThat(content.at("/text~1event-stream/x-event-data/$ref").asString())
                    .isEqualTo("#/components/schemas/ProgressEntry");
        }
        // a trip's links and a page's links are two schemas, and the page keeps its next link
        assertThat(schemas.at("/TripView/properties/links/$ref").asString())
                .isEqualTo("#/components/schemas/TripLinks");
        assertThat(schemas.at("/TripPage/properties/links/$ref").asString())
                .isEqualTo("#/components/schemas/PageLinks");
        assertThat(schemas.at("/PageLinks/properties").has("next")).isTrue();
        // destination search is typed, and one destination can be fetched
        JsonNode search = paths.get("/api/v1/destinations").get("get");
        assertThat(search.at("/parameters/0/schema/type").asString()).isEqualTo("string");
        assertThat(search.at("/parameters/1/schema/type").asString()).isEqualTo("integer");
        assertThat(search.at("/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/DestinationSearch");
        assertThat(paths.get("/api/v1/destinations/{id}")
                        .at("/get/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Destination");
        // what is always there is required; what validation demands, the document demands
        assertThat(schemas.at("/TripView/required").valueStream().map(JsonNode::asString))
                .contains("id", "status", "request", "createdAt", "links");
        assertThat(schemas.at("/TripRequestBody/properties/destination/minLength")
                        .asInt())
                .isEqualTo(1);
        assertThat(schemas.at("/TripRequestBody/properties/interests/minItems").asInt())
                .isEqualTo(1);
    }

    private String servedDocument() {
        return web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * docs/openapi.json is the contract clients generate from (api-client-tests) and CI lints: it must be what the
     * gateway serves. After an intended change, rewrite it with {@code -Ditinera.openapi.write=true}.
     */
    private static void assertCheckedIn(JsonNode served) throws IOException {
        Path file = Path.of("..", "docs", "openapi.json");
        String pretty = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("itinera.openapi.write")) {
            Files.writeString(file, pretty);
        }
        assertThat(EventJson.mapper().readTree(Files.readString(file)))
                .as("docs/openapi.json is stale: rerun this test with -Ditinera.openapi.write=true")
                .isEqualTo(served);
    }

    @Test
    void swaggerUiIsServed() {
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    /** Every public operation the gateway really serves: its controllers' mappings and its routes. */
    private Set<String> implemented() {
        Set<String> operations = new TreeSet<>();
        controllers
                .getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternsCondition().getPatterns().stream()
                        .map(Object::toString)
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> operations.add(method.name() + " " + path))));
        routes.getRouteDefinitions()
                .toStream()
                .flatMap(route -> route.getPredicates().stream())
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                // Not the trailing-slash flag.
                .filter(path -> path.startsWith("/"))
                .collect(Collectors.toSet())
                .forEach(path -> operations.add("GET " + path));
        return operations;
    }
}
