package io.itinera.gateway.destination;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.trip.DestinationCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Answers {@link DestinationCatalog} with api-enrichment's destination search, one call per destination name: the
 * trip's destination is the first whole-name match (exact or with a small typo), or the pinned id among them, the same
 * rule api-enrichment applies when it resolves the trip; its {@code plannable} flag says whether it can be planned.
 *
 * <p>The accept path must not wait for api-enrichment on every request (issue 10, goal 4: under a burst a cold check
 * timed out and refused pinned trips with {@code 503}). So a search's answer is remembered and used for
 * {@code gateway.destination-check.fresh}; past that it is still used at once while one call refreshes it, and for as
 * long as api-enrichment cannot answer (the catalogue is offline data, but an operator may switch a live provider on).
 * Concurrent checks of one name share one call. At start-up every destination of the offline catalogue is searched
 * once, so that the first burst finds its answers ready. Failures are not remembered.
 */
@Component
class EnrichmentDestinationCatalog implements DestinationCatalog, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EnrichmentDestinationCatalog.class);

    private static final Set<String> WHOLE_NAME = Set.of("exact", "typo");
    private static final int CANDIDATES = 50;
    /** A refusal's list of covered destinations is a nicety: it is not waited for long. */
    private static final Duration COVERAGE_TIMEOUT = Duration.ofSeconds(2);
    /** A shared search may outlast one request's wait: its answer still serves the requests after it. */
    private static final Duration SEARCH_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration REFRESH_PAUSE = Duration.ofSeconds(5);
    private static final int REMEMBERED = 10_000;
    private static final int WARM_UP_CALLS = 2;
    /** api-enrichment may start after the gateway: about a minute of attempts. */
    private static final int WARM_UP_ATTEMPTS = 8;

    private final WebClient enrichment;
    private final DestinationCheckProperties properties;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Answer>> searching = new ConcurrentHashMap<>();
    private volatile Disposable warmUp = Disposables.disposed();

    EnrichmentDestinationCatalog(
            WebClient.Builder builder, RouteProperties routes, DestinationCheckProperties properties) {
        this.enrichment = builder.baseUrl(routes.enrichmentUri().toString()).build();
        this.properties = properties;
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

    /** The part of api-enrichment's coverage answer the refusal names and the warm-up searches. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Coverage(@Nullable List<Covered> offline) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        record Covered(String id, String name, String country) {}
    }

    /** What the search said of a trip's destination: contradicted (pinned id not so named), not covered, or fine. */
    private record Verdict(boolean contradicted, Results.@Nullable Result notCovered) {

        static final Verdict ACCEPTED = new Verdict(false, null);
    }

    /** A search's whole-name matches, best first, and when it answered ({@link System#nanoTime()}). */
    private record Answer(List<Results.Result> matches, long at) {}

    @Override
    public Mono<Void> check(String name, @Nullable String destinationId) {
        return Mono.defer(() -> matches(name))
                .flatMap(matches -> enforce(verdict(matches, destinationId), name, destinationId))
                .onErrorResume(failure -> !(failure instanceof Problem), failure -> {
                    if (destinationId != null) {
                        return Mono.error(unavailable());
                    }
                    // Enrichment still reports an uncovered destination later; only the early refusal is lost.
                    log.debug("destination '{}' not checked, search unavailable: {}", name, failure.toString());
                    return Mono.empty();
                });
    }

    /** What is known of the name; waits (bounded) only when nothing is known yet. */
    private Mono<List<Results.Result>> matches(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Answer known = answers.get(key);
        if (known == null) {
            return Mono.fromFuture(search(name, key), true)
                    .timeout(properties.timeout())
                    .map(Answer::matches);
        }
        if (System.nanoTime() - known.at() >= properties.fresh().toNanos()) {
            search(name, key); // stale: answered as known, refreshed by one call for everyone
        }
        return Mono.just(known.matches());
    }

    /** The search of this name under way, or a new one; its answer is remembered for every later check. */
    private CompletableFuture<Answer> search(String name, String key) {
        CompletableFuture<Answer> started = new CompletableFuture<>();
        CompletableFuture<Answer> running = searching.putIfAbsent(key, started);
        if (running != null) {
            return running;
        }
        Mono.defer(() -> lookup(name)) // whatever fails, fails the future: no name stays stuck "searching"
                .timeout(SEARCH_TIMEOUT)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty answer")))
                .subscribe(
                        found -> {
                            remember(key, found);
                            searching.remove(key, started);
                            started.complete(found);
                        },
                        failure -> {
                            pauseRefresh(key);
                            searching.remove(key, started);
                            log.debug("search for destination '{}' failed: {}", name, failure.toString());
                            started.completeExceptionally(failure);
                        });
        return started;
    }

    /**
     * After a failed refresh the known answer is kept and not refreshed again for {@link #REFRESH_PAUSE}, so that a
     * search that is down is asked once in a while, not once per request.
     */
    private void pauseRefresh(String key) {
        long staleAgainAt = System.nanoTime() + REFRESH_PAUSE.toNanos();
        answers.computeIfPresent(
                key,
                (same, known) -> new Answer(
                        known.matches(), staleAgainAt - properties.fresh().toNanos()));
    }

    private void remember(String key, Answer answer) {
        if (answers.size() >= REMEMBERED && !answers.containsKey(key)) {
            answers.clear();
        }
        answers.put(key, answer);
    }

    private Mono<Answer> lookup(String name) {
        return enrichment
                .get()
                .uri(uri -> uri.path(DestinationsApiDocumentation.PATH)
                        .queryParam("q", "{q}")
                        .queryParam("limit", CANDIDATES)
                        .build(name))
                .retrieve()
                .bodyToMono(Results.class)
                .map(found -> new Answer(
                        found.results() == null
                                ? List.of()
                                : found.results().stream()
                                        .filter(result -> WHOLE_NAME.contains(result.match()))
                                        .toList(),
                        System.nanoTime()));
    }

    private static Verdict verdict(List<Results.Result> matches, @Nullable String destinationId) {
        Results.Result destination = matches.stream()
                .filter(result -> destinationId == null || result.id().equals(destinationId))
                .findFirst()
                .orElse(null);
        if (destination == null) {
            return new Verdict(destinationId != null, null);
        }
        // An enrichment without the flag is one that predates it: it plans what it can, as before.
        return Boolean.FALSE.equals(destination.plannable()) ? new Verdict(false, destination) : Verdict.ACCEPTED;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUpOnStart() {
        if (properties.warmUp()) {
            warmUp = warmUp().subscribe(
                            ready -> log.info("destination check warmed up: {} destinations searched", ready),
                            failure -> log.info("destination check not warmed up: {}", failure.toString()));
        }
    }

    /** Searches every destination of api-enrichment's offline catalogue; how many answers are now remembered. */
    Mono<Long> warmUp() {
        return fetchCoverage()
                .timeout(SEARCH_TIMEOUT)
                .retryWhen(
                        Retry.backoff(WARM_UP_ATTEMPTS, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(15)))
                .flatMapMany(Flux::fromIterable)
                .flatMap(
                        covered -> Mono.fromFuture(
                                        () -> search(
                                                covered.name(), covered.name().toLowerCase(Locale.ROOT)),
                                        true)
                                .onErrorResume(failure -> Mono.empty()),
                        WARM_UP_CALLS)
                .count();
    }

    @Override
    public void destroy() {
        warmUp.dispose();
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
        return fetchCoverage().timeout(COVERAGE_TIMEOUT).onErrorReturn(List.of());
    }

    private Mono<List<Coverage.Covered>> fetchCoverage() {
        return enrichment
                .get()
                .uri(DestinationsApiDocumentation.PATH + "/coverage")
                .retrieve()
                .bodyToMono(Coverage.class)
                .map(found -> found.offline() == null ? List.<Coverage.Covered>of() : found.offline());
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
