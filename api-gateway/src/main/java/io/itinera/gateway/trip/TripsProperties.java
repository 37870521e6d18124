package io.itinera.gateway.trip;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acceptWait how long a {@code POST} with an {@code Idempotency-Key} waits for the saga's verdict on it (and a
 *     {@code DELETE} for the cancellation) before answering {@code 409} with {@code Retry-After} (a {@code DELETE}:
 *     {@code 202}); a {@code POST} without a key never waits for the saga
 * @param readWait how long a read of a trip this replica does not know yet waits for it before answering 404, so that a
 *     client that posted to another replica finds its trip here too; counted from the first read, whose answer always
 *     counts
 * @param placeholderTtl how long this replica answers {@code PENDING} from its own record of a trip it accepted whose
 *     snapshot it has not read yet
 * @param earliestStart a trip's first day, relative to today (UTC): yesterday by default, so that every time zone's
 *     today is accepted
 * @param latestStart how far ahead a trip may start: two years by default (nothing is planned for a year 999,999,999)
 */
@ConfigurationProperties("gateway.trips")
record TripsProperties(
        @DefaultValue("3s") Duration acceptWait,
        @DefaultValue("2s") Duration readWait,
        @DefaultValue("60s") Duration placeholderTtl,
        @DefaultValue("-P1D") Period earliestStart,
        @DefaultValue("P2Y") Period latestStart) {}
