package io.itinera.gateway.saga;

import io.itinera.events.trip.TripStatus;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a proposal may stay in each unfinished status before the saga ends it {@code FAILED} with
 * {@code /problems/stage-timeout} ({@code gateway.proposals.deadlines.*}), as trips do ({@link StageDeadlines}). Each
 * stage's clock starts when the proposal enters it.
 *
 * @param pending from acceptance until api-generation reports (ranking is quick: this is mostly queueing)
 * @param generating while api-generation ranks the destinations
 * @param resendAfter how long a {@code PENDING} or {@code GENERATING} proposal waits for api-generation's answer before
 *     the saga sends its ranking request again (and again after as long, until the deadline); zero: never
 * @param scanInterval how often the saga looks for overdue proposals (wall clock)
 */
@ConfigurationProperties("gateway.proposals.deadlines")
public record ProposalStageDeadlines(
        @DefaultValue("2m") Duration pending,
        @DefaultValue("2m") Duration generating,
        @DefaultValue("20s") Duration resendAfter,
        @DefaultValue("5s") Duration scanInterval) {

    public static ProposalStageDeadlines defaults() {
        return new ProposalStageDeadlines(
                Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofSeconds(20), Duration.ofSeconds(5));
    }

    Optional<Duration> resendAfterIn(TripStatus status) {
        return switch (status) {
            case PENDING, GENERATING -> Optional.of(resendAfter);
            default -> Optional.empty();
        };
    }

    Optional<Duration> of(TripStatus status) {
        return switch (status) {
            case PENDING -> Optional.of(pending);
            case GENERATING -> Optional.of(generating);
            default -> Optional.empty();
        };
    }
}
