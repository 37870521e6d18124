package io.itinera.gateway.trip;

import reactor.core.publisher.Mono;

/**
 * The destination catalog, as far as accepting a trip needs it: whether a pinned {@code destinationId} is a
 * destination of the name the client gave, so that a contradicting pair is refused instead of silently planning
 * another city. Implemented over api-enrichment's search (package {@code destination}).
 */
public interface DestinationCatalog {

    /** Whether the destination with this id has this name (or a small typo of it); an error if the catalog is down. */
    Mono<Boolean> isNamed(String destinationId, String name);
}
