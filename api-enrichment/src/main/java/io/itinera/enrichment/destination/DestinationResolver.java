package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.events.trip.TripRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the destination a trip asks for: by its pinned id when it has one, otherwise by name, forgiving case, accents,
 * spaces and small typos over names, ASCII names and alternate names. Of several destinations with the same name the
 * most populous wins. A name that only starts a known one (as in {@code Lisbo}) does not resolve: a trip needs a whole
 * name, the search API is there for completion.
 */
@Component
public class DestinationResolver {

    private static final int CANDIDATES = 50;

    private final Destinations destinations;

    public DestinationResolver(Destinations destinations) {
        this.destinations = destinations;
    }

    /** The destination of a trip; empty when no destination has that id, or a name close enough. */
    public Optional<CatalogDestination> resolve(TripRequest request) {
        String pinned = request.destinationId();
        if (pinned != null && !pinned.isBlank()) {
            return destinations.byId(pinned);
        }
        return destinations.search(request.destination(), CANDIDATES).stream()
                .filter(match -> match.quality() == MatchQuality.EXACT || match.quality() == MatchQuality.TYPO)
                .findFirst()
                .map(DestinationMatch::destination);
    }
}
