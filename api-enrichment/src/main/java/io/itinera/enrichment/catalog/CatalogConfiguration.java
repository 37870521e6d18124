package io.itinera.enrichment.catalog;

import io.itinera.enrichment.EnrichmentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Loads the catalog once at start-up, so that a broken catalog stops the service before it takes any request. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog(ResourceLoader resourceLoader, EnrichmentProperties properties) {
        Catalog catalog = Catalog.load(resourceLoader, properties.catalogLocation());
        log.info(
                "Loaded {} destinations and {} points of interest from {}",
                catalog.destinations().size(),
                catalog.poiCount(),
                properties.catalogLocation());
        return catalog;
    }
}
