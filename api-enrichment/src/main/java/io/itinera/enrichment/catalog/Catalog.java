package io.itinera.enrichment.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ResourceLoader;

/** The destinations and points of interest the service knows, in catalog order; immutable once loaded. */
public final class Catalog {

    private final List<CatalogDestination> destinations;
    private final Map<String, CatalogDestination> destinationsById;
    private final Map<String, List<CatalogPoi>> poisByDestination;

    /** Loads and validates a catalog folder (e.g. {@code classpath:catalog/}), as the service does at start-up. */
    public static Catalog load(ResourceLoader resources, String location) {
        return new CatalogLoader(resources, location).load();
    }

    Catalog(List<CatalogDestination> destinations, Map<String, List<CatalogPoi>> poisByDestination) {
        this.destinations = List.copyOf(destinations);
        this.destinationsById = destinations.stream()
                .collect(Collectors.toUnmodifiableMap(CatalogDestination::id, Function.identity()));
        this.poisByDestination = Map.copyOf(poisByDestination);
    }

    public List<CatalogDestination> destinations() {
        return destinations;
    }

    /** The destination with an id, ignoring case and surrounding spaces. */
    public Optional<CatalogDestination> destination(String id) {
        return Optional.ofNullable(destinationsById.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    /** The points of interest of a destination, in catalog order. */
    public List<CatalogPoi> poisOf(CatalogDestination destination) {
        return poisByDestination.getOrDefault(destination.id(), List.of());
    }

    public int poiCount() {
        return poisByDestination.values().stream().mapToInt(List::size).sum();
    }
}
