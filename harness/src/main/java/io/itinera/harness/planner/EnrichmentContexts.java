package io.itinera.harness.planner;

import io.itinera.enrichment.EnrichmentApplication;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.context.PlanningContextBuilder;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.poi.PointsOfInterest;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.trip.TripRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Builds planning contexts the way api-enrichment does, with api-enrichment's own beans (catalog, destinations, points
 * of interest, holidays, daylight, weather and money from the shipped data; live providers as its configuration
 * says, off by default), wired by Spring from its own packages and settings, without Kafka or a web server.
 */
public final class EnrichmentContexts implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final DestinationResolver resolver;
    private final Destinations destinations;
    private final PointsOfInterest pointsOfInterest;
    private final PlanningContextBuilder builder;

    public EnrichmentContexts() throws IOException {
        SpringApplication application = new SpringApplication(Wiring.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("spring.config.name", "itinera-harness-none"));
        application.addInitializers(context -> addServiceConfiguration(context.getEnvironment()));
        this.context = application.run();
        this.resolver = context.getBean(DestinationResolver.class);
        this.destinations = context.getBean(Destinations.class);
        this.pointsOfInterest = context.getBean(PointsOfInterest.class);
        this.builder = context.getBean(PlanningContextBuilder.class);
    }

    /** The steps of the enrichment worker for one request: resolve, candidates, context. */
    public PlanningContext contextFor(TripRequest request) {
        CatalogDestination destination = resolver.resolve(request)
                .orElseThrow(() -> new IllegalArgumentException("unknown destination " + request.destination()));
        return builder.build(
                request,
                destination,
                pointsOfInterest.of(destination),
                destinations.isCurated(destination) ? "curated" : "geonames");
    }

    private static void addServiceConfiguration(ConfigurableEnvironment environment) {
        try {
            for (PropertySource<?> source : ServiceConfiguration.of("api-enrichment")) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** api-enrichment's packages minus its Kafka listener and wiring; a plain meter registry for the providers. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackageClasses = EnrichmentApplication.class,
            useDefaultFilters = true,
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.itinera\\.enrichment\\.request\\..*"),
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "io\\.itinera\\.enrichment\\.system\\.Kafka.*"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Controller"),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*HealthIndicator")
            })
    @ConfigurationPropertiesScan(basePackageClasses = EnrichmentApplication.class)
    static class Wiring {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
