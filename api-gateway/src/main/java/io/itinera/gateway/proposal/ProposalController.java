package io.itinera.gateway.proposal;

import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.limit.LiveStreams;
import io.itinera.gateway.live.HistoryEvents;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.saga.UpdateWatchers;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.state.Idempotency;
import io.itinera.gateway.state.Updates;
import io.itinera.gateway.system.Correlation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/v1/proposals}: where could I go? A loose brief in, ranked destinations out. */
@RestController
@RequestMapping(path = ProposalController.PATH)
@Tag(name = "Proposals", description = "Ranked destination proposals for a loose brief")
class ProposalController {

    static final String PATH = "/api/v1/proposals";

    private final ProposalSubmissions submissions;
    private final ProposalQueries queries;
    private final HistoryEvents events;
    private final LiveStreams streams;
    private final UpdateWatchers followers;

    ProposalController(
            ProposalSubmissions submissions,
            ProposalQueries queries,
            HistoryEvents events,
            LiveStreams streams,
            UpdateWatchers proposalFollowers) {
        this.submissions = submissions;
        this.queries = queries;
        this.events = events;
        this.streams = streams;
        this.followers = proposalFollowers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for destination proposals", description = "Answers 202 with where to follow them.")
    Mono<ResponseEntity<ProposalView.Accepted>> create(
            @Valid @RequestBody ProposalBriefBody body,
            @Parameter(description = "Makes retries safe: the same key and body return the original response")
                    @RequestHeader(name = Idempotency.HEADER, required = false)
                    @Nullable
                    String idempotencyKey,
            ServerWebExchange exchange) {
        Optional<Problem.FieldProblem> badKey = Idempotency.check(idempotencyKey);
        if (badKey.isPresent()) {
            return Mono.error(Problem.invalidRequest(List.of(badKey.get())));
        }
        return submissions
                .submit(ApiClient.of(exchange), Correlation.of(exchange), body.toBrief(), idempotencyKey)
                .map(submission -> {
                    ProposalView.Links links = ProposalView.Links.of(submission.proposalId());
                    ResponseEntity.BodyBuilder accepted =
                            ResponseEntity.accepted().location(URI.create(links.self()));
                    if (submission.replayed()) {
                        accepted.header(Idempotency.REPLAYED, "true");
                    }
                    return accepted.body(new ProposalView.Accepted(submission.proposalId(), TripStatus.PENDING, links));
                });
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Get proposals", description = "The ranked destinations with a score breakdown and reasons.")
    Mono<ProposalView> get(@PathVariable String id, ServerWebExchange exchange) {
        return owned(id, exchange).map(ProposalView::of);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Follow proposals live", description = "Server-Sent Events; resumable with Last-Event-ID.")
    Flux<ServerSentEvent<ProgressEntry>> events(
            @PathVariable String id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            ServerWebExchange exchange) {
        String clientId = ApiClient.of(exchange).id();
        long after = HistoryEvents.parseLastEventId(lastEventId);
        return owned(id, exchange)
                .flatMapMany(proposal -> streams.counted(
                        clientId,
                        events.follow(
                                () -> queries.find(id, clientId),
                                after,
                                Updates.of(listener -> followers.watch(id, listener)))));
    }

    private Mono<ProposalSnapshot> owned(String id, ServerWebExchange exchange) {
        return queries.owned(id, ApiClient.of(exchange).id());
    }
}
