package io.itinera.gateway.destination;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.trip.DestinationCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Answers {@link DestinationCatalog} with api-enrichment's destination search: the name must find the pinned id as a
 * whole name (exact or with a small typo), the same rule api-enrichment applies when it resolves an unpinned trip.
 * Verdicts are remembered (the catalog is offline data that changes with a release), so the accept path pays for the
 * call once per pair, not per request; failures are not remembered.
 */
@Component
class EnrichmentDestinationCatalog implements DestinationCatalog {

    private static final Set<String> WHOLE_NAME = Set.of("exact", "typo");
    private static final int CANDIDATES = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int REMEMBERED = 10_000;

    private final WebClient enrichment;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    EnrichmentDestinationCatalog(WebClient.Builder builder, RouteProperties routes) {
        this.enrichment = builder.baseUrl(routes.enrichmentUri().toString()).build();
    }

    /** The part of api-enrichment's search answer this check reads; the rest is its business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(@Nullable List<Result> results) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Result(String id, String match) {}
    }

    @Override
    public Mono<Boolean> isNamed(String destinationId, String name) {
        String pair = destinationId + "\n" + name.toLowerCase(Locale.ROOT);
        Boolean known = verdicts.get(pair);
        if (known != null) {
            return Mono.just(known);
        }
        return lookup(destinationId, name).doOnNext(verdict -> {
            if (verdicts.size() >= REMEMBERED) {
                verdicts.clear();
            }
            verdicts.put(pair, verdict);
        });
    }

    private Mono<Boolean> lookup(String destinationId, String name) {
        return enrichment
                .get()
                .uri(uri -> uri.path(DestinationsApiDocumentation.PATH)
                        .queryParam("q", "{q}")
                        .queryParam("limit", CANDIDATES)
                        .build(name))
                .retrieve()
                .bodyToMono(Results.class)
                .timeout(TIMEOUT)
                .map(found -> found.results() != null
                        && found.results().stream()
                                .anyMatch(result ->
                                        result.id().equals(destinationId) && WHOLE_NAME.contains(result.match())))
                .onErrorMap(failure -> !(failure instanceof Problem), failure -> unavailable());
    }

    private static Problem unavailable() {
        return new Problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "destinations-unavailable",
                        "Destination search unavailable",
                        "A pinned destinationId cannot be checked while destination search is unavailable; retry"
                                + " shortly, or send the trip without destinationId.")
                .withHeader(HttpHeaders.RETRY_AFTER, "5");
    }
}
