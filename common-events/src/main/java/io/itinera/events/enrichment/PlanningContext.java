package io.itinera.events.enrichment;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the planner needs to know about the destination and the trip's days.
 *
 * @param days one entry per trip day, in order
 * @param pois candidate points of interest with their concrete opening windows per trip day
 * @param warnings things a traveller would want to know, in plain words
 * @param builtAt when enrichment built this context
 * @param exchangeRate an indicative rate from the local currency to the traveller's, when the trip names one
 * @param sources where each part of the context comes from, and which offline fallbacks stood in for live providers
 */
public record PlanningContext(
        Destination destination,
        List<TripDay> days,
        List<PointOfInterest> pois,
        List<String> warnings,
        Instant builtAt,
        @Nullable ExchangeRate exchangeRate,
        @Nullable List<ContextSource> sources) {}
