package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.CatalogDestination;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;

/**
 * Every destination the service knows: the curated ones (with offline points of interest) and the world's cities from
 * GeoNames. A GeoNames city that is a curated destination (same country, a shared name, within 30 km) is folded into
 * it: the curated entry keeps its id and facts and gains the GeoNames alternate names.
 */
public final class Destinations {

    static final double SAME_PLACE_KM = 30;

    private final Map<String, CatalogDestination> byId;
    private final Set<String> curatedIds;
    private final NameIndex index;

    /** The curated destinations merged with the GeoNames cities of a world-cities file, as the service loads them. */
    public static Destinations load(List<CatalogDestination> curated, Resource worldCities) {
        return new Destinations(curated, WorldCitiesLoader.load(worldCities));
    }

    public Destinations(List<CatalogDestination> curated, List<CatalogDestination> world) {
        Map<String, CatalogDestination> merged = new LinkedHashMap<>();
        List<CatalogDestination> enriched = new ArrayList<>(curated);
        List<CatalogDestination> others = new ArrayList<>();
        for (CatalogDestination city : world) {
            int same = sameAs(enriched, city);
            if (same >= 0) {
                enriched.set(same, withNamesOf(enriched.get(same), city));
            } else {
                others.add(city);
            }
        }
        enriched.forEach(destination -> merged.put(destination.id(), destination));
        for (CatalogDestination city : others) {
            String id = freeId(merged.keySet(), city);
            merged.put(id, renamed(city, id));
        }
        this.byId = Map.copyOf(merged);
        this.curatedIds = curated.stream().map(CatalogDestination::id).collect(Collectors.toUnmodifiableSet());
        this.index = new NameIndex(List.copyOf(merged.values()), curatedIds);
    }

    /** The destination with an id, ignoring case and surrounding spaces. */
    public Optional<CatalogDestination> byId(String id) {
        return Optional.ofNullable(byId.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    public boolean isCurated(CatalogDestination destination) {
        return curatedIds.contains(destination.id());
    }

    public Collection<CatalogDestination> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    /** The best matches for a typed name, best first. */
    public List<DestinationMatch> search(String typed, int limit) {
        return index.search(typed, limit);
    }

    private static int sameAs(List<CatalogDestination> curated, CatalogDestination city) {
        Set<String> keys = keys(city);
        for (int i = 0; i < curated.size(); i++) {
            CatalogDestination candidate = curated.get(i);
            if (candidate.country().equals(city.country())
                    && candidate.centre().metresTo(city.centre()) <= SAME_PLACE_KM * 1000
                    && keys(candidate).stream().anyMatch(keys::contains)) {
                return i;
            }
        }
        return -1;
    }

    private static Set<String> keys(CatalogDestination destination) {
        return Stream.of(destination.name(), destination.asciiName())
                .map(Names::key)
                .collect(Collectors.toSet());
    }

    private static CatalogDestination withNamesOf(CatalogDestination curated, CatalogDestination city) {
        Set<String> seen = new HashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Stream.concat(Stream.of(curated.name(), curated.asciiName()), curated.alternateNames().stream())
                .forEach(name -> seen.add(Names.key(name)));
        names.addAll(curated.alternateNames());
        Stream.concat(Stream.of(city.name()), city.alternateNames().stream())
                .filter(name -> seen.add(Names.key(name)))
                .forEach(names::add);
        return new CatalogDestination(
                curated.id(),
                curated.name(),
                curated.asciiName(),
                List.copyOf(names),
                curated.country(),
                curated.centre(),
                curated.population(),
                curated.timeZone(),
                curated.currency());
    }

    /** The city's own id, or one qualified by country (then by position) when a curated destination holds it. */
    private static String freeId(Set<String> taken, CatalogDestination city) {
        String id = city.id();
        String country = city.country().toLowerCase(Locale.ROOT);
        if (!taken.contains(id)) {
            return id;
        }
        if (!id.endsWith("-" + country) && !taken.contains(id + "-" + country)) {
            return id + "-" + country;
        }
        int n = 2;
        while (taken.contains(id + "-" + n)) {
            n++;
        }
        return id + "-" + n;
    }

    private static CatalogDestination renamed(CatalogDestination city, String id) {
        return id.equals(city.id())
                ? city
                : new CatalogDestination(
                        id,
                        city.name(),
                        city.asciiName(),
                        city.alternateNames(),
                        city.country(),
                        city.centre(),
                        city.population(),
                        city.timeZone(),
                        city.currency());
    }
}
