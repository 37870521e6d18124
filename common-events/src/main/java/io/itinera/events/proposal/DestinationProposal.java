package io.itinera.events.proposal;

import java.util.List;
import java.util.Map;

/**
 * One ranked destination.
 *
 * @param score overall score, 0 to 1
 * @param breakdown the score per factor (interests, climate, distance, cost), each 0 to 1
 * @param reasons plain-language reasons a traveller can read
 */
public record DestinationProposal(
        String destinationId,
        String name,
        String country,
        double score,
        Map<String, Double> breakdown,
        List<String> reasons) {}
