package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.destination.Coverage;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.Providers;
import io.itinera.events.enrichment.ContextSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Chooses a destination's candidate points of interest: the curated ones plus the operator's own; when there are
 * none, the live Overpass provider if it is on; otherwise none, with the reason. The same rule tells which
 * destinations can be planned at all ({@link Coverage}).
 */
public class PointsOfInterest implements Coverage {

    public static final String CURATED = "curated";
    public static final String OPERATOR_FILE = "operator-file";

    private final Catalog catalog;
    private final Map<String, List<CatalogPoi>> operatorPois;
    private final OverpassClient overpass;
    private final Set<String> offline;

    PointsOfInterest(Catalog catalog, Map<String, List<CatalogPoi>> operatorPois, OverpassClient overpass) {
        this.catalog = catalog;
        this.operatorPois = Map.copyOf(operatorPois);
        this.overpass = overpass;
        SortedSet<String> ids = new TreeSet<>();
        catalog.destinations().stream()
                .filter(destination -> !catalog.poisOf(destination).isEmpty())
                .forEach(destination -> ids.add(destination.id()));
        this.operatorPois.forEach((id, pois) -> {
            if (!pois.isEmpty()) {
                ids.add(id);
            }
        });
        this.offline = Collections.unmodifiableSortedSet(ids);
    }

    public static PointsOfInterest of(
            Catalog catalog,
            Map<String, List<CatalogPoi>> operatorPois,
            Providers providers,
            PoiProperties properties) {
        return new PointsOfInterest(
                catalog,
                operatorPois,
                new OverpassClient(
                        providers.overpass(), properties.overpassRadiusMetres(), properties.overpassLimit()));
    }

    @Override
    public boolean plannable(CatalogDestination destination) {
        return anyDestination() || offline.contains(destination.id());
    }

    @Override
    public boolean anyDestination() {
        return overpass.enabled();
    }

    @Override
    public Collection<String> offline() {
        return offline;
    }

    public Candidates of(CatalogDestination destination) {
        List<CatalogPoi> curated = catalog.poisOf(destination);
        List<CatalogPoi> own = operatorPois.getOrDefault(destination.id(), List.of());
        if (!curated.isEmpty() || !own.isEmpty()) {
            List<CatalogPoi> all = new ArrayList<>(curated);
            all.addAll(own);
            String source = own.isEmpty() ? CURATED : curated.isEmpty() ? OPERATOR_FILE : CURATED + "+" + OPERATOR_FILE;
            return Candidates.offline(all, source);
        }
        if (!overpass.enabled()) {
            return new Candidates(
                    List.of(),
                    new ContextSource(
                            Candidates.PART,
                            "none",
                            false,
                            "no offline points of interest for " + destination.name()
                                    + " and the Overpass provider is off",
                            null));
        }
        ProviderResult<List<CatalogPoi>> live = overpass.around(destination);
        List<CatalogPoi> found = live.value();
        if (found != null) {
            return new Candidates(
                    found, new ContextSource(Candidates.PART, Providers.OVERPASS, false, null, live.fetchedAt()));
        }
        return new Candidates(List.of(), new ContextSource(Candidates.PART, "none", true, live.failure(), null));
    }
}
