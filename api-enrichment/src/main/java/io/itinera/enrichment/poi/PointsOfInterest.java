package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.Providers;
import io.itinera.events.enrichment.ContextSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses a destination's candidate points of interest: the curated ones plus the operator's own; when there are
 * none, the live Overpass provider if it is on; otherwise none, with the reason.
 */
public class PointsOfInterest {

    public static final String CURATED = "curated";
    public static final String OPERATOR_FILE = "operator-file";

    private final Catalog catalog;
    private final Map<String, List<CatalogPoi>> operatorPois;
    private final OverpassClient overpass;

    PointsOfInterest(Catalog catalog, Map<String, List<CatalogPoi>> operatorPois, OverpassClient overpass) {
        this.catalog = catalog;
        this.operatorPois = Map.copyOf(operatorPois);
        this.overpass = overpass;
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
        if (live.succeeded()) {
            return new Candidates(
                    live.value(),
                    new ContextSource(Candidates.PART, Providers.OVERPASS, false, null, live.fetchedAt()));
        }
        return new Candidates(List.of(), new ContextSource(Candidates.PART, "none", true, live.failure(), null));
    }
}
