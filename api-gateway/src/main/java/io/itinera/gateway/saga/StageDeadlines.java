package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a trip may stay in each unfinished status before the saga ends it {@code FAILED} with
 * {@code /problems/stage-timeout} ({@code gateway.trips.deadlines.*}). Each stage's clock starts when the trip enters it.
 *
 * @param pending from acceptance until the enrichment worker reports
 * @param enriching while api-enrichment builds the planning context
 * @param generating while api-generation plans the itinerary
 * @param resendAfter how long a {@code PENDING} or {@code ENRICHING} trip waits for enrichment's answer before the saga
 *     sends its enrichment request again (and again after as long, until the deadline); zero: never. A worker drops a
 *     copy of a request it handled after the copy was written, so a slow answer costs no second enrichment.
 * @param generatingResendAfter the same for a {@code GENERATING} trip, longer, as a generation queue is normal under
 *     load: its planning context is asked of enrichment again, and a second enrichment answer sends the generation
 *     request again
 * @param scanInterval how often the saga looks for overdue trips (wall clock)
 */
@ConfigurationProperties("gateway.trips.deadlines")
public record StageDeadlines(
        @DefaultValue("2m") Duration pending,
        @DefaultValue("2m") Duration enriching,
        @DefaultValue("5m") Duration generating,
        @DefaultValue("20s") Duration resendAfter,
        @DefaultValue("90s") Duration generatingResendAfter,
        @DefaultValue("5s") Duration scanInterval) {

    public static StageDeadlines defaults() {
        return new StageDeadlines(
                Duration.ofMinutes(2),
                Duration.ofMinutes(2),
                Duration.ofMinutes(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(90),
                Duration.ofSeconds(5));
    }

    Optional<Duration> resendAfterIn(TripStatus status) {
        return switch (status) {
            case PENDING, ENRICHING -> Optional.of(resendAfter);
            case GENERATING -> Optional.of(generatingResendAfter);
            default -> Optional.empty();
        };
    }

    Optional<Duration> of(TripStatus status) {
        return switch (status) {
            case PENDING -> Optional.of(pending);
            case ENRICHING -> Optional.of(enriching);
            case GENERATING -> Optional.of(generating);
            default -> Optional.empty();
        };
    }
}
