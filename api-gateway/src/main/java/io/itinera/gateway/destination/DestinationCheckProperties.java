package io.itinera.gateway.destination;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the accept path checks a trip's destination against api-enrichment's search ({@link
 * EnrichmentDestinationCatalog}).
 *
 * @param fresh how long a search's answer is used without asking again; past it, it is still used while one call
 *     refreshes it (and for as long as api-enrichment cannot answer)
 * @param timeout how long a request waits for a destination nothing is known of yet
 * @param warmUp whether to search every destination of api-enrichment's offline catalogue at start-up, so that a burst
 *     of trips to them finds their answers ready
 */
@Validated
@ConfigurationProperties("gateway.destination-check")
record DestinationCheckProperties(
        @DefaultValue("10m") Duration fresh,
        @DefaultValue("2s") Duration timeout,
        @DefaultValue("true") boolean warmUp) {}
