package io.itinera.gateway.trip;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admission control for new trips (ADR 0006, point 7).
 *
 * @param enabled off only to measure the accept path alone
 * @param target how much work, in seconds at the rate trips finish, the suite may have accepted and not finished
 * @param minRate the finishing rate (trips per second) assumed when fewer trips finished lately, e.g. after a quiet
 *     hour or at start-up, so that a suite that has done nothing for a while still admits {@code target * minRate}
 * @param margin the part of the target an accepted trip spends outside the backlog (its own {@code POST} on a busy
 *     gateway, its own stages): the backlog may hold {@code target - margin} of work, so that a trip accepted last
 *     still ends within the target (session 20: with none, p99 POST→READY under overload read 60.4 s in one run, 2.8
 *     s of it the POST, and 48.4 s in another)
 */
@Validated
@ConfigurationProperties("gateway.admission")
record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration target,
        @DefaultValue("1.0") @Positive double minRate,
        @DefaultValue("5s") Duration margin) {

    /** How much work, in seconds, the backlog may hold: the target less the margin, never below zero. */
    double allowedBacklogSeconds() {
        return Math.max(0, target.minus(margin).toMillis() / 1000.0);
    }
}
