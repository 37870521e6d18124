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
 */
@Validated
@ConfigurationProperties("gateway.admission")
record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration target,
        @DefaultValue("1.0") @Positive double minRate) {}
