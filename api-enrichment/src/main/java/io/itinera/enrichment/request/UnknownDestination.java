package io.itinera.enrichment.request;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.events.Failure;
import io.itinera.events.trip.TripRequest;
import java.util.List;

/** The failure reported when the catalog has no destination for a trip: a business outcome, not an error. */
final class UnknownDestination {

    static final String CODE = "unknown-destination";

    private static final int NAMES_SHOWN = 10;

    private UnknownDestination() {}

    static Failure of(TripRequest request, Catalog catalog) {
        String pinned = request.destinationId();
        String problem = pinned != null && !pinned.isBlank()
                ? "No destination has the id '%s'.".formatted(pinned)
                : "No destination matches '%s'.".formatted(request.destination());
        return new Failure(CODE, problem + " Known destinations include " + known(catalog) + ".");
    }

    private static String known(Catalog catalog) {
        List<String> names = catalog.destinations().stream()
                .limit(NAMES_SHOWN)
                .map(CatalogDestination::name)
                .toList();
        String more = catalog.destinations().size() > NAMES_SHOWN ? ", …" : "";
        return String.join(", ", names) + more;
    }
}
