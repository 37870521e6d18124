package io.itinera.gateway.trip;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acceptWait how long {@code POST} waits for the new trip to be readable on this replica before answering, so
 *     that a client's immediate {@code GET} finds it
 */
@ConfigurationProperties("gateway.trips")
record TripsProperties(@DefaultValue("3s") Duration acceptWait) {}
