package io.itinera.gateway.proposal;

import io.itinera.events.Topics;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.proposal.SubmitProposal;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.live.HistoryEvents;
import io.itinera.gateway.saga.ReadModels;
import io.itinera.gateway.saga.SagaCommands;
import io.itinera.gateway.saga.SagaTopology;
import io.itinera.gateway.security.ApiClient;
import io.itinera.gateway.system.RequestIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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
    private static final Duration ACCEPT_WAIT = Duration.ofSeconds(3);

    private final SagaCommands commands;
    private final ReadModels readModels;
    private final HistoryEvents events;
    private final MeterRegistry meters;

    ProposalController(SagaCommands commands, ReadModels readModels, HistoryEvents events, MeterRegistry meters) {
        this.commands = commands;
        this.readModels = readModels;
        this.events = events;
        this.meters = meters;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for destination proposals", description = "Answers 202 with where to follow them.")
    Mono<ResponseEntity<ProposalView.Accepted>> create(
            @Valid @RequestBody ProposalBriefBody body, ServerWebExchange exchange) {
        ApiClient client = ApiClient.of(exchange);
        String requestId = RequestIdFilter.of(exchange);
        String id = UUID.randomUUID().toString();
        SubmitProposal command = SubmitProposal.of(id, client.id(), requestId, body.toBrief());
        return commands.publish(Topics.PROPOSAL_COMMANDS, command, requestId)
                .doOnSuccess(
                        ignored -> meters.counter("itinera.proposals.requested").increment())
                .then(commands.awaitReadable(() -> find(id, client.id()), ACCEPT_WAIT))
                .then(Mono.fromSupplier(() -> {
                    ProposalView.Links links = ProposalView.Links.of(id);
                    return ResponseEntity.accepted()
                            .location(URI.create(links.self()))
                            .body(new ProposalView.Accepted(id, TripStatus.PENDING, links));
                }));
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
        return owned(id, exchange).flatMapMany(proposal -> events.follow(() -> find(id, clientId), after));
    }

    private Mono<ProposalSnapshot> owned(String id, ServerWebExchange exchange) {
        return readModels.owned(
                SagaTopology.PROPOSALS_STORE, id, ApiClient.of(exchange).id(), "Proposal");
    }

    private Optional<ProposalSnapshot> find(String id, String clientId) {
        return readModels.findOwned(SagaTopology.PROPOSALS_STORE, id, clientId);
    }
}
