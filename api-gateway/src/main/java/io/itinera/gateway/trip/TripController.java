package io.itinera.gateway.trip;

import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.system.RequestIdFilter;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /api/v1/trips}: accept a trip request, then follow the trip until its itinerary is ready. */
@RestController
@RequestMapping(path = TripController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
class TripController {

    static final String PATH = "/api/v1/trips";

    private final TripRules rules;
    private final TripSubmissions submissions;
    private final TripQueries queries;

    TripController(TripRules rules, TripSubmissions submissions, TripQueries queries) {
        this.rules = rules;
        this.submissions = submissions;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TripAccepted>> create(@Valid @RequestBody TripRequestBody body, ServerWebExchange exchange) {
        List<Problem.FieldProblem> problems = rules.check(body);
        if (!problems.isEmpty()) {
            return Mono.error(Problem.invalidRequest(problems));
        }
        return submissions
                .submit(ApiClient.of(exchange), RequestIdFilter.of(exchange), body.toRequest())
                .map(tripId -> {
                    TripView.Links links = TripView.Links.of(tripId);
                    return ResponseEntity.accepted()
                            .location(URI.create(links.self()))
                            .body(new TripAccepted(tripId, TripStatus.PENDING, links));
                });
    }

    @GetMapping("/{id}")
    Mono<TripView> get(@PathVariable String id, ServerWebExchange exchange) {
        ApiClient client = ApiClient.of(exchange);
        return Mono.fromCallable(() -> queries.find(id))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                // Another client's trip is reported as missing, not forbidden: its existence is not ours to reveal.
                .filter(trip -> trip.clientId().equals(client.id()))
                .map(TripView::of)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Trip", id)));
    }
}
