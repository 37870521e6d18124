package io.itinera.events.trip;

import java.util.List;

/**
 * What the client sees of the planning context: enough to understand the plan without the full candidate list.
 *
 * @param destinationId catalog id of the resolved destination
 * @param timeZone IANA time zone of the destination
 * @param candidatePois how many points of interest the planner could choose from
 */
public record ContextSummary(
        String destinationId,
        String destinationName,
        String country,
        GeoPoint centre,
        String timeZone,
        String currency,
        int candidatePois,
        List<String> warnings) {}
