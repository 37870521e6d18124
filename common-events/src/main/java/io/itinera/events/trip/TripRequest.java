package io.itinera.events.trip;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the traveller asked for, as validated by the gateway.
 *
 * @param destination the destination as typed, e.g. {@code Lisbon}
 * @param destinationId an optional catalog id that pins the destination when the name is ambiguous
 * @param mustSee point-of-interest ids to place whenever feasible
 * @param lodging where each day starts and ends; the city centre when absent
 * @param currency the traveller's currency (ISO 4217), for indicative prices
 * @param mode how the traveller moves between stops; walking when absent
 */
public record TripRequest(
        String destination,
        @Nullable String destinationId,
        LocalDate startDate,
        LocalDate endDate,
        int travelers,
        List<Interest> interests,
        Pace pace,
        Budget budget,
        @Nullable List<String> mustSee,
        @Nullable GeoPoint lodging,
        @Nullable String currency,
        @Nullable TravelMode mode) {

    public TravelMode modeOrDefault() {
        return mode == null ? TravelMode.WALK : mode;
    }

    public List<String> mustSeeOrEmpty() {
        return mustSee == null ? List.of() : mustSee;
    }

    /** Inclusive number of days. */
    public int days() {
        return (int) (endDate.toEpochDay() - startDate.toEpochDay()) + 1;
    }
}
