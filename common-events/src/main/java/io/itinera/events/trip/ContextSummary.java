package io.itinera.events.trip;

import io.itinera.events.enrichment.ContextSource;
import io.itinera.events.enrichment.ExchangeRate;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.TripDay;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the client sees of the planning context: enough to understand the plan without the full candidate list.
 *
 * @param destinationId catalog id of the resolved destination
 * @param timeZone IANA time zone of the destination
 * @param candidatePois how many points of interest the planner could choose from
 * @param days each trip day as enrichment saw it: UTC offset, daylight, holiday, weather (with its source)
 * @param exchangeRate an indicative rate to the traveller's currency, when the trip names one
 * @param sources where each part of the context came from, and which offline fallbacks stood in for providers
 */
public record ContextSummary(
        String destinationId,
        String destinationName,
        String country,
        GeoPoint centre,
        String timeZone,
        String currency,
        int candidatePois,
        List<String> warnings,
        @Nullable List<TripDay> days,
        @Nullable ExchangeRate exchangeRate,
        @Nullable List<ContextSource> sources) {

    /** The summary of a planning context: its destination, days, warnings and sources, and how many candidates. */
    public static ContextSummary of(PlanningContext context) {
        var destination = context.destination();
        return new ContextSummary(
                destination.id(),
                destination.name(),
                destination.country(),
                destination.centre(),
                destination.timeZone(),
                destination.currency(),
                context.pois().size(),
                context.warnings(),
                context.days(),
                context.exchangeRate(),
                context.sources());
    }
}
