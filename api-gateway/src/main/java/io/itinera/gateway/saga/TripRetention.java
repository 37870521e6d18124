package io.itinera.gateway.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The trips' data-retention policy ({@code gateway.trips.retention}): a trip that ended ({@code READY},
 * {@code FAILED}, {@code CANCELLED}) is erased by the saga that long after it ended, as if its owner had deleted it.
 *
 * @param retention how long a finished trip is kept
 * @param retentionScanInterval how often the saga looks for trips past their retention (wall clock)
 */
@ConfigurationProperties("gateway.trips")
public record TripRetention(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1m") Duration retentionScanInterval) {

    public static TripRetention defaults() {
        return new TripRetention(Duration.ofDays(30), Duration.ofMinutes(1));
    }
}
