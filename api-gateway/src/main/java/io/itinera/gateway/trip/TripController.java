package io.itinera.gateway.trip;

import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.limit.LiveStreams;
import io.itinera.gateway.live.HistoryEvents;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.state.Idempotency;
import io.itinera.gateway.state.TripWatch;
import io.itinera.gateway.system.Correlation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /api/v1/trips}: accept a trip request, follow the trip until its itinerary is ready, list, cancel, erase. */
@RestController
@RequestMapping(path = TripController.PATH)
@Tag(name = "Trips", description = "Plan a trip and follow it until its itinerary is ready")
class TripController {

    static final String PATH = "/api/v1/trips";

    private final TripRules rules;
    private final TripSubmissions submissions;
    private final TripQueries queries;
    private final HistoryEvents events;
    private final TripWatch watch;
    private final DestinationCatalog catalog;
    private final LiveStreams streams;

    TripController(
            TripRules rules,
            TripSubmissions submissions,
            TripQueries queries,
            HistoryEvents events,
            TripWatch watch,
            DestinationCatalog catalog,
            LiveStreams streams) {
        this.rules = rules;
        this.submissions = submissions;
        this.queries = queries;
        this.events = events;
        this.watch = watch;
        this.catalog = catalog;
        this.streams = streams;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Plan a trip",
            description = "Accepts the request and answers 202 with where to follow it; 503 with Retry-After when"
                    + " Itinera has more trips in hand than it can finish within its admission target.")
    Mono<ResponseEntity<TripAccepted>> create(
            @Valid @RequestBody TripRequestBody body,
            @Parameter(description = "Makes retries safe: the same key and body return the original response")
                    @RequestHeader(name = Idempotency.HEADER, required = false)
                    @Nullable
                    String idempotencyKey,
            ServerWebExchange exchange) {
        List<Problem.FieldProblem> problems = rules.check(body);
        Optional<Problem.FieldProblem> badKey = Idempotency.check(idempotencyKey);
        if (badKey.isPresent()) {
            problems = concat(problems, badKey.get());
        }
        if (!problems.isEmpty()) {
            return Mono.error(Problem.invalidRequest(problems));
        }
        ApiClient client = ApiClient.of(exchange);
        return catalog.check(body.destination().strip(), body.destinationId())
                .then(Mono.defer(
                        () -> submissions.submit(client, Correlation.of(exchange), body.toRequest(), idempotencyKey)))
                .map(submission -> {
                    TripView.Links links = TripView.Links.of(submission.tripId());
                    ResponseEntity.BodyBuilder accepted =
                            ResponseEntity.accepted().location(URI.create(links.self()));
                    if (submission.replayed()) {
                        accepted.header(Idempotency.REPLAYED, "true");
                    }
                    return accepted.body(new TripAccepted(submission.tripId(), TripStatus.PENDING, links));
                });
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get a trip", description = "Its status, request, planning context summary and itinerary.")
    Mono<TripView> get(@PathVariable String id, ServerWebExchange exchange) {
        return owned(id, exchange).map(TripView::of);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List your trips", description = "Newest first, with cursor pagination.")
    Mono<TripPage> list(
            @RequestParam(required = false) @Nullable TripStatus status,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) @Nullable String cursor,
            ServerWebExchange exchange) {
        if (limit < 1 || limit > 100) {
            return Mono.error(
                    Problem.invalidRequest(List.of(new Problem.FieldProblem("limit", "must be between 1 and 100"))));
        }
        String clientId = ApiClient.of(exchange).id();
        TripCursor after = cursor == null ? null : TripCursor.decode(cursor);
        return queries.settled(clientId)
                .then(Mono.fromCallable(() -> queries.page(clientId, status, after, limit + 1))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(trips -> {
                    boolean more = trips.size() > limit;
                    List<TripSnapshot> page = more ? trips.subList(0, limit) : trips;
                    String next =
                            more ? TripCursor.after(page.get(page.size() - 1)).encode() : null;
                    String self = PATH + "?limit=" + limit + (status == null ? "" : "&status=" + status);
                    return new TripPage(
                            page.stream().map(TripPage.Summary::of).toList(),
                            next,
                            new TripPage.Links(self, next == null ? null : self + "&cursor=" + next));
                });
    }

    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Cancel or erase a trip",
            description = "A trip in progress is cancelled: 200 with the trip, CANCELLED; results that arrive later are"
                    + " ignored (409 if it ended meanwhile). A trip that ended is erased: 204, and every replica"
                    + " answers 404 for it from then on.")
    Mono<ResponseEntity<TripView>> cancel(@PathVariable String id, ServerWebExchange exchange) {
        ApiClient client = ApiClient.of(exchange);
        Correlation correlation = Correlation.of(exchange);
        return owned(id, exchange)
                .flatMap(trip -> trip.status().isTerminal()
                        ? submissions
                                .erase(client, correlation, id)
                                .map(erased -> erased
                                        ? ResponseEntity.noContent().<TripView>build()
                                        : ResponseEntity.accepted().<TripView>build())
                        : submissions
                                .cancel(client, correlation, id)
                                .map(outcome -> outcome.map(cancelled -> {
                                            if (cancelled.status() != TripStatus.CANCELLED) {
                                                throw finished(cancelled);
                                            }
                                            return ResponseEntity.ok(TripView.of(cancelled));
                                        })
                                        .orElseGet(
                                                () -> ResponseEntity.accepted().build())));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow a trip live",
            description = "Server-Sent Events, one per status change or progress report; resumable with"
                    + " Last-Event-ID; ends after a terminal status.")
    Flux<ServerSentEvent<ProgressEntry>> events(
            @PathVariable String id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            ServerWebExchange exchange) {
        String clientId = ApiClient.of(exchange).id();
        long after = HistoryEvents.parseLastEventId(lastEventId);
        return owned(id, exchange)
                .flatMapMany(trip -> streams.counted(
                        clientId, events.follow(() -> queries.find(id, clientId), after, watch.updates(id))));
    }

    private Mono<TripSnapshot> owned(String id, ServerWebExchange exchange) {
        return queries.owned(id, ApiClient.of(exchange).id());
    }

    private static Problem finished(TripSnapshot trip) {
        return new Problem(
                HttpStatus.CONFLICT,
                "trip-finished",
                "Trip already finished",
                "The trip is already " + trip.status() + " and cannot be cancelled.");
    }

    private static List<Problem.FieldProblem> concat(List<Problem.FieldProblem> problems, Problem.FieldProblem more) {
        return Stream.concat(problems.stream(), Stream.of(more)).toList();
    }
}
