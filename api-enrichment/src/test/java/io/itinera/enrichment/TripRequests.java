package io.itinera.enrichment;

import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TripRequest;
import java.time.LocalDate;
import java.util.List;

/** Trip requests as the gateway sends them. */
public final class TripRequests {

    private TripRequests() {}

    /** Three days from Monday 2027-05-10. */
    public static TripRequest threeDaysIn(String destination) {
        return new TripRequest(
                destination,
                null,
                LocalDate.of(2027, 5, 10),
                LocalDate.of(2027, 5, 12),
                2,
                List.of(Interest.HISTORY, Interest.FOOD),
                Pace.MODERATE,
                Budget.MEDIUM,
                null,
                null,
                null,
                null);
    }
}
