package io.itinera.harness.mix;

import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.Pace;
import io.itinera.events.trip.TravelMode;
import io.itinera.events.trip.TripRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** One trip of the mix, as the JSON body of {@code POST /api/v1/trips} and as the request a worker receives. */
public record TripSpec(
        String destinationId,
        String destination,
        LocalDate startDate,
        LocalDate endDate,
        int travelers,
        List<Interest> interests,
        Pace pace,
        Budget budget,
        TravelMode mode) {

    public int days() {
        return (int) (endDate.toEpochDay() - startDate.toEpochDay()) + 1;
    }

    /** The request body; written by hand so that the load path spends no CPU on a JSON library. */
    public String toJson() {
        return "{\"destination\":\"" + destination + "\",\"destinationId\":\"" + destinationId
                + "\",\"startDate\":\"" + startDate + "\",\"endDate\":\"" + endDate + "\",\"travelers\":" + travelers
                + ",\"interests\":["
                + interests.stream().map(i -> "\"" + i.wireName() + "\"").collect(Collectors.joining(","))
                + "],\"pace\":\"" + pace + "\",\"budget\":\"" + budget + "\",\"mode\":\"" + mode + "\"}";
    }

    public TripRequest toRequest() {
        return new TripRequest(
                destination,
                destinationId,
                startDate,
                endDate,
                travelers,
                interests,
                pace,
                budget,
                null,
                null,
                null,
                mode);
    }
}
