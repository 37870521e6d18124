package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.provider.Providers;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.kafka.ReadTopics;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Loads the operator's points-of-interest file, when one is configured, once at start-up; and, while the live provider
 * is on, the places cache shared by every replica through Kafka.
 */
@Configuration(proxyBeanMethods = false)
class PoiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PoiConfiguration.class);

    @Bean
    PointsOfInterest pointsOfInterest(
            Catalog catalog,
            Destinations destinations,
            Providers providers,
            PoiProperties properties,
            PlacesCache cache,
            Clock clock,
            ResourceLoader resources) {
        Map<String, List<CatalogPoi>> own = Map.of();
        String file = properties.file();
        if (file != null && !file.isBlank()) {
            own = OperatorPoiFile.load(
                    resources.getResource(file), id -> destinations.byId(id).isPresent());
            log.info(
                    "Loaded {} points of interest for {} destinations from {}",
                    own.values().stream().mapToInt(List::size).sum(),
                    own.size(),
                    file);
        }
        return PointsOfInterest.of(catalog, own, providers, properties, cache, clock);
    }

    /**
     * Kafka-backed while the provider is on; otherwise nothing is fetched, so nothing needs sharing (and no Kafka is
     * needed: the load harness's planner mode runs enrichment without a broker).
     */
    @Bean
    PlacesCache placesCache(
            Providers providers,
            PoiProperties properties,
            ObjectProvider<ConsumerFactory<?, ?>> consumers,
            ObjectProvider<EventPublisher> publisher) {
        if (!providers.overpass().enabled()) {
            return PlacesCache.inMemory();
        }
        return new KafkaPlacesCache(
                consumers.getObject().getConfigurationProperties(),
                publisher.getObject(),
                properties.cacheStartupWait());
    }

    /** The shared cache's own consumer reads its topic at read_committed, so a transaction left open there stalls it. */
    @Bean
    ReadTopics placesCacheTopics(PlacesCache cache) {
        return () -> cache instanceof KafkaPlacesCache ? Set.of(Topics.ENRICHMENT_PLACES.name()) : Set.of();
    }
}
