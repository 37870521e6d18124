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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Answers {@link DestinationCatalog} with api-enrichment's destination search, one call per destination: the trip's
 * destination is the first whole-name match (exact or with a small typo), or the pinned id among them, the same rule
 * api-enrichment applies when it resolves the trip; its {@code plannable} flag says whether it can be planned.
 * Verdicts are remembered for a while (the catalog is offline data, but an operator may switch a live provider on),
 * so the accept path pays for the call once per destination, not per request; failures are not remembered.
 */
@Component
class EnrichmentDestinationCatalog implements DestinationCatalog {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentDestinationCatalog.class);

    private static final Set<String> WHOLE_NAME = Set.of("exact", "typo");
    private static final int CANDIDATES = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int REMEMBERED = 10_000;
    private static final long REMEMBERED_NANOS = Duration.ofMinutes(10).toNanos();

    private final WebClient enrichment;
    private final Map<String, Remembered> verdicts = new ConcurrentHashMap<>();

    EnrichmentDestinationCatalog(WebClient.Builder builder, RouteProperties routes) {
        this.enrichment = builder.baseUrl(routes.enrichmentUri().toString()).build();
    }

    /** The part of api-enrichment's search answer this check reads; the rest is its business. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(@Nullable List<Result> results) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Result(
                String id,
                String match,
                @Nullable String name,
                @Nullable String country,
                @Nullable Boolean plannable) {}
    }

    /** The part of api-enrichment's coverage answer the refusal names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Coverage(@Nullable List<Covered> offline) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Covered(String id, String name, String country) {}
    }

    /** What the search said of a trip's destination: contradicted (pinned id not so named), not covered, or fine. */
    private record Verdict(boolean contradicted, Results.@Nullable Result notCovered) {

        static final Verdict ACCEPTED = new Verdict(false, null);
    }

    private record Remembered(Verdict verdict, long at) {}

    @Override
    public Mono<Void> check(String name, @Nullable String destinationId) {
        String key = (destinationId == null ? "" : destinationId) + "\n" + name.toLowerCase(Locale.ROOT);
        Remembered known = verdicts.get(key);
        Mono<Verdict> verdict = known != null && System.nanoTime() - known.at() < REMEMBERED_NANOS
                ? Mono.just(known.verdict())
                : lookup(name, destinationId).doOnNext(found -> remember(key, found));
        return verdict.flatMap(found -> enforce(found, name, destinationId))
                .onErrorResume(failure -> !(failure instanceof Problem), failure -> {
                    if (destinationId != null) {
                        return Mono.error(unavailable());
                    }
                    // Enrichment still reports an uncovered destination later; only the early refusal is lost.
                    log.debug("destination '{}' not checked, search unavailable: {}", name, failure.toString());
                    return Mono.empty();
                });
    }

    private void remember(String key, Verdict verdict) {
        if (verdicts.size() >= REMEMBERED) {
            verdicts.clear();
        }
        verdicts.put(key, new Remembered(verdict, System.nanoTime()));
    }

    private Mono<Verdict> lookup(String name, @Nullable String destinationId) {
        return enrichment
                .get()
                .uri(uri -> uri.path(DestinationsApiDocumentation.PATH)
                        .queryParam("q", "{q}")
                        .queryParam("limit", CANDIDATES)
                        .build(name))
                .retrieve()
                .bodyToMono(Results.class)
                .timeout(TIMEOUT)
                .map(found -> verdict(found.results() == null ? List.of() : found.results(), destinationId));
    }

    private static Verdict verdict(List<Results.Result> results, @Nullable String destinationId) {
        Results.Result destination = results.stream()
                .filter(result -> WHOLE_NAME.contains(result.match()))
                .filter(result -> destinationId == null || result.id().equals(destinationId))
                .findFirst()
                .orElse(null);
        if (destination == null) {
            return new Verdict(destinationId != null, null);
        }
        // An enrichment without the flag is one that predates it: it plans what it can, as before.
        return Boolean.FALSE.equals(destination.plannable()) ? new Verdict(false, destination) : Verdict.ACCEPTED;
    }

    private Mono<Void> enforce(Verdict verdict, String name, @Nullable String destinationId) {
        if (verdict.contradicted()) {
            return Mono.error(Problem.invalidRequest(
                    List.of(new Problem.FieldProblem("destinationId", "is not the destination named '" + name + "'"))));
        }
        Results.Result uncovered = verdict.notCovered();
        if (uncovered == null) {
            return Mono.empty();
        }
        return coverage().flatMap(covered -> Mono.error(notCovered(uncovered, destinationId == null, covered)));
    }

    /** The destinations that can be planned, for the refusal; empty (not an error) if they cannot be fetched. */
    private Mono<List<Coverage.Covered>> coverage() {
        return enrichment
                .get()
                .uri(DestinationsApiDocumentation.PATH + "/coverage")
                .retrieve()
                .bodyToMono(Coverage.class)
                .timeout(TIMEOUT)
                .map(found -> found.offline() == null ? List.<Coverage.Covered>of() : found.offline())
                .onErrorReturn(List.of());
    }

    private static Problem notCovered(Results.Result destination, boolean byName, List<Coverage.Covered> covered) {
        String named = destination.name() == null ? destination.id() : destination.name();
        String where = destination.country() == null ? named : named + ", " + destination.country();
        String plannable = covered.isEmpty()
                ? ""
                : " Trips can be planned for "
                        + String.join(
                                ", ",
                                covered.stream().map(Coverage.Covered::name).toList()) + ".";
        Problem problem = new Problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "destination-not-covered",
                "Destination not covered",
                "No points of interest are known for " + where + ", so no trip can be planned there." + plannable
                        + " An operator covers more destinations by switching on the live OpenStreetMap provider"
                        + " or with an operator points-of-interest file.",
                List.of(new Problem.FieldProblem(
                        byName ? "destination" : "destinationId",
                        "names " + where + ", which has no points of interest to plan with")));
        problem.getBody().setProperty("covered", covered);
        return problem;
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
