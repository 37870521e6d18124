package io.itinera.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.PlanningContext;
import io.itinera.events.enrichment.PointOfInterest;
import io.itinera.events.enrichment.TripDay;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.ItineraryDay;
import io.itinera.events.generation.Leg;
import io.itinera.events.generation.Stop;
import io.itinera.events.trip.TripRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * An independent check that an itinerary could be walked on the ground: every stop open for its whole visit, stops in
 * order with time for the legs between them, every day inside the pace's window, no place twice.
 */
final class ItineraryAssertions {

    private ItineraryAssertions() {}

    static void assertFeasible(Itinerary itinerary, TripRequest request, PlanningContext context) {
        Map<String, PointOfInterest> pois =
                context.pois().stream().collect(Collectors.toMap(PointOfInterest::id, Function.identity()));
        Map<LocalDate, TripDay> days =
                context.days().stream().collect(Collectors.toMap(TripDay::date, Function.identity()));
        assertThat(itinerary.days())
                .extracting(ItineraryDay::date)
                .containsExactlyElementsOf(days.keySet().stream().sorted().toList());
        Set<String> visited = new HashSet<>();
        SoftAssertions soft = new SoftAssertions();
        for (ItineraryDay day : itinerary.days()) {
            String offset = days.get(day.date()).utcOffset();
            soft.assertThat(day.start().toLocalTime())
                    .as("%s start", day.date())
                    .isAfterOrEqualTo(request.pace().dayStart());
            soft.assertThat(day.end().toLocalTime())
                    .as("%s end", day.date())
                    .isBeforeOrEqualTo(request.pace().dayEnd());
            soft.assertThat(day.start().getOffset().getId().replace("Z", "+00:00"))
                    .as("%s offset", day.date())
                    .isEqualTo(offset);
            List<Stop> stops = day.stops();
            if (stops.isEmpty()) {
                continue;
            }
            soft.assertThat(day.legs()).as("%s legs", day.date()).hasSize(stops.size() + 1);
            OffsetDateTime previousDeparture = day.start();
            for (int i = 0; i < stops.size(); i++) {
                Stop stop = stops.get(i);
                Leg leg = day.legs().get(i);
                PointOfInterest poi = pois.get(stop.poiId());
                soft.assertThat(poi).as("stop %s is a candidate", stop.poiId()).isNotNull();
                soft.assertThat(visited.add(stop.poiId()))
                        .as("%s visited once", stop.poiId())
                        .isTrue();
                soft.assertThat(leg.to()).as("leg to %s", stop.poiId()).isEqualTo(stop.poiId());
                soft.assertThat(stop.arrival())
                        .as("arrival at %s after the leg", stop.name())
                        .isAfterOrEqualTo(previousDeparture.plusMinutes(leg.minutes()));
                soft.assertThat(stop.departure())
                        .as("%s departure after arrival", stop.name())
                        .isAfter(stop.arrival());
                if (poi != null) {
                    soft.assertThat(openFor(
                                    poi,
                                    day,
                                    stop.arrival().toLocalTime(),
                                    stop.departure().toLocalTime()))
                            .as("%s open %s-%s on %s", stop.name(), stop.arrival(), stop.departure(), day.date())
                            .isTrue();
                }
                previousDeparture = stop.departure();
            }
            Leg back = day.legs().get(stops.size());
            soft.assertThat(back.to())
                    .as("%s ends at the start point", day.date())
                    .isEqualTo(Leg.START);
            soft.assertThat(day.end())
                    .as("%s back in time", day.date())
                    .isAfterOrEqualTo(previousDeparture.plusMinutes(back.minutes()));
        }
        soft.assertAll();
    }

    private static boolean openFor(PointOfInterest poi, ItineraryDay day, LocalTime from, LocalTime to) {
        return poi.openWindows().stream()
                .filter(w -> w.date().equals(day.date()))
                .map(DayWindows::windows)
                .flatMap(List::stream)
                .anyMatch(w -> w.contains(from, to));
    }
}
