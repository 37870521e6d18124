package io.itinera.enrichment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of api-enrichment, the worker that builds planning contexts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrichmentApplication.class, args);
    }
}
