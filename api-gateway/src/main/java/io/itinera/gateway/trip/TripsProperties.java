package io.itinera.gateway.trip;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param acceptWait how long {@code POST} waits for the new trip to be readable on this replica before answering, so
 *     that a client's immediate {@code GET} finds it
 * @param earliestStart a trip's first day, relative to today (UTC): yesterday by default, so that every time zone's
 *     today is accepted
 * @param latestStart how far ahead a trip may start: two years by default (nothing is planned for a year 999,999,999)
 */
@ConfigurationProperties("gateway.trips")
record TripsProperties(
        @DefaultValue("3s") Duration acceptWait,
        @DefaultValue("-P1D") Period earliestStart,
        @DefaultValue("P2Y") Period latestStart) {}
