package io.itinera.enrichment.destination;

import io.itinera.enrichment.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Loads the world's cities once at start-up and merges them with the curated catalog. */
@Configuration(proxyBeanMethods = false)
class DestinationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DestinationsConfiguration.class);

    @Bean
    Destinations destinations(Catalog catalog, ResourceLoader resources, DestinationProperties properties) {
        Destinations destinations =
                Destinations.load(catalog.destinations(), resources.getResource(properties.worldCities()));
        log.info(
                "Knows {} destinations ({} curated) from {} and the catalog",
                destinations.size(),
                catalog.destinations().size(),
                properties.worldCities());
        return destinations;
    }
}
