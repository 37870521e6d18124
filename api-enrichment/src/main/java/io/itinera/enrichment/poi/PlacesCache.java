package io.itinera.enrichment.poi;

import io.itinera.events.enrichment.PlacesFetched;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where live places are kept between trips, keyed by destination id: the newest fetch of each destination. */
public interface PlacesCache {

    Optional<PlacesFetched> get(String destinationId);

    /** Keeps a fetch, here and for every replica that shares the cache. */
    void store(PlacesFetched places);

    /** A cache of this process alone, lost on restart: for tests and tools without a broker. */
    static PlacesCache inMemory() {
        Map<String, PlacesFetched> places = new ConcurrentHashMap<>();
        return new PlacesCache() {
            @Override
            public Optional<PlacesFetched> get(String destinationId) {
                return Optional.ofNullable(places.get(destinationId));
            }

            @Override
            public void store(PlacesFetched fetched) {
                places.merge(fetched.destinationId(), fetched, KafkaPlacesCache::newer);
            }
        };
    }
}
