package io.itinera.gateway.destination;

import io.itinera.gateway.problem.Problem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where the destinations route's circuit breaker sends requests when api-enrichment is slow, failing or known to be
 * down: a short problem answer instead of a hanging client.
 */
@RestController
class DestinationFallbackController {

    static final String PATH = "/fallback/destinations";

    @RequestMapping(PATH)
    Mono<Void> unavailable() {
        return Mono.error(new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "destinations-unavailable",
                        "Destination search unavailable",
                        "Destination search is temporarily unavailable; retry shortly.")
                .withHeader(HttpHeaders.RETRY_AFTER, "5"));
    }
}
