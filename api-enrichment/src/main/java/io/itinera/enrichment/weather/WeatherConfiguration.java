package io.itinera.enrichment.weather;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the shipped climate normals once. */
@Configuration(proxyBeanMethods = false)
class WeatherConfiguration {

    @Bean
    ClimateNormals climateNormals() {
        return ClimateNormals.shipped();
    }
}
