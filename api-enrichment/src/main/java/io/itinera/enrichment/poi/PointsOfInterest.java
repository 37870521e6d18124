package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.destination.Coverage;
import io.itinera.enrichment.provider.ProviderResult;
import io.itinera.enrichment.provider.Providers;
import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.PlacesFetched;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a destination's candidate points of interest: the curated ones plus the operator's own; when there are
 * none, the live Overpass provider if it is on, through the shared places cache (fresh cached places first, else a
 * fetch that is stored for every replica, else stale cached places when the provider fails: stale beats nothing);
 * otherwise none, with the reason. The same rule tells which destinations can be planned at all ({@link Coverage}).
 */
public class PointsOfInterest implements Coverage {

    public static final String CURATED = "curated";
    public static final String OPERATOR_FILE = "operator-file";

    private final Catalog catalog;
    private final Map<String, List<CatalogPoi>> operatorPois;
    private final OverpassClient overpass;
    private final Set<String> offline;
    private final PlacesCache cache;
    private final Clock clock;
    private final Duration refreshAfter;

    PointsOfInterest(
            Catalog catalog,
            Map<String, List<CatalogPoi>> operatorPois,
            OverpassClient overpass,
            PlacesCache cache,
            Clock clock,
            Duration refreshAfter) {
        this.catalog = catalog;
        this.operatorPois = Map.copyOf(operatorPois);
        this.overpass = overpass;
        this.cache = cache;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
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

    /** With a places cache of this process alone. */
    public static PointsOfInterest of(
            Catalog catalog,
            Map<String, List<CatalogPoi>> operatorPois,
            Providers providers,
            PoiProperties properties) {
        return of(catalog, operatorPois, providers, properties, PlacesCache.inMemory(), Clock.systemUTC());
    }

    public static PointsOfInterest of(
            Catalog catalog,
            Map<String, List<CatalogPoi>> operatorPois,
            Providers providers,
            PoiProperties properties,
            PlacesCache cache,
            Clock clock) {
        return new PointsOfInterest(
                catalog,
                operatorPois,
                new OverpassClient(providers.overpass(), properties.overpassRadiusMetres(), properties.overpassLimit()),
                cache,
                clock,
                properties.overpassRefreshAfter());
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
        return live(destination);
    }

    private Candidates live(CatalogDestination destination) {
        Optional<PlacesFetched> cached = cache.get(destination.id());
        if (cached.isPresent() && !cached.get().fetchedAt().plus(refreshAfter).isBefore(clock.instant())) {
            return fromCache(cached.get(), false, null);
        }
        ProviderResult<List<CatalogPoi>> live = overpass.around(destination);
        List<CatalogPoi> found = live.value();
        Instant fetchedAt = live.fetchedAt();
        if (found != null && fetchedAt != null) {
            // an empty answer is kept too: the city is not asked again before the refresh age
            cache.store(LivePlaces.fetched(destination.id(), Providers.OVERPASS, fetchedAt, found));
            return new Candidates(
                    found, new ContextSource(Candidates.PART, Providers.OVERPASS, false, null, fetchedAt));
        }
        if (cached.isPresent()) {
            return fromCache(
                    cached.get(),
                    true,
                    live.failure() + "; places fetched at " + cached.get().fetchedAt() + " served instead");
        }
        return new Candidates(List.of(), new ContextSource(Candidates.PART, "none", true, live.failure(), null));
    }

    private static Candidates fromCache(PlacesFetched cached, boolean fallback, @Nullable String reason) {
        return new Candidates(
                LivePlaces.pois(cached),
                new ContextSource(Candidates.PART, cached.source(), fallback, reason, cached.fetchedAt()));
    }
}
