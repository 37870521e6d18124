package io.itinera.gateway.trip;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The destination catalog, as far as accepting a trip needs it: a pinned {@code destinationId} must be a destination
 * of the name the client gave (a contradicting pair is refused instead of silently planning another city), and the
 * destination must be one the suite can plan (refused with {@code 422 /problems/destination-not-covered} instead of
 * failing a second after the {@code 202}). Implemented over api-enrichment's search (package {@code destination}).
 */
public interface DestinationCatalog {

    /**
     * Completes empty when a trip to this destination may be accepted, or with the problem to answer. A name the
     * catalog does not know is left to the trip's enrichment to report; while the catalog is down, only a pinned
     * destination is refused (it cannot be checked), an unpinned one is accepted.
     */
    Mono<Void> check(String name, @Nullable String destinationId);
}
