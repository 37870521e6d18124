package io.itinera.events.proposal;

import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A loose travel brief: where from, roughly when, for how long, and what for.
 *
 * @param origin the city the traveller leaves from
 * @param month 1 to 12, the month of travel
 * @param tripDays how many days at the destination
 * @param maxTravelHours the longest acceptable one-way journey, when the traveller cares
 * @param limit how many proposals to return
 */
public record ProposalBrief(
        String origin,
        int month,
        int tripDays,
        List<Interest> interests,
        Budget budget,
        @Nullable Double maxTravelHours,
        int limit) {}
