package io.itinera.gateway.destination;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway's routes lead; referenced by the routes in {@code application.yml}.
 *
 * @param enrichmentUri api-enrichment's HTTP base, e.g. {@code http://api-enrichment:8081} in a cluster
 */
@Validated
@ConfigurationProperties("gateway.routes")
record RouteProperties(URI enrichmentUri) {}
