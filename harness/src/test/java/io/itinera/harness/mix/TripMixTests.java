package io.itinera.harness.mix;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.trip.TripRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TripMixTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theSameSeedGivesTheSameTrips() {
        assertThat(new TripMix(7, TODAY).take(50)).isEqualTo(new TripMix(7, TODAY).take(50));
        assertThat(new TripMix(7, TODAY).take(50)).isNotEqualTo(new TripMix(8, TODAY).take(50));
    }

    @Test
    void tripsCoverEveryCuratedCityWithinTheDocumentedBounds() {
        List<TripSpec> trips = new TripMix(1, TODAY).take(500);

        assertThat(trips.stream().map(TripSpec::destinationId).collect(Collectors.toSet()))
                .hasSize(TripMix.CURATED.size());
        assertThat(trips).allSatisfy(trip -> {
            assertThat(trip.days()).isBetween(1, TripMix.MAX_DAYS);
            assertThat(trip.startDate()).isAfter(TODAY);
            assertThat(trip.endDate()).isBeforeOrEqualTo(TODAY.plusDays(TripMix.HORIZON_DAYS));
            assertThat(trip.interests()).doesNotHaveDuplicates().hasSizeBetween(1, TripMix.MAX_INTERESTS);
        });
        assertThat(trips.stream().map(TripSpec::days).collect(Collectors.toSet()))
                .hasSize(TripMix.MAX_DAYS);
        assertThat(trips.stream().map(TripSpec::pace).collect(Collectors.toSet()))
                .hasSize(3);
    }

    @Test
    void theJsonBodyIsTheRequestTheWorkersReceive() {
        JsonMapper json = JsonMapper.builder().build();
        for (TripSpec trip : new TripMix(3, TODAY).take(20)) {
            assertThat(json.readValue(trip.toJson(), TripRequest.class)).isEqualTo(trip.toRequest());
        }
    }
}
