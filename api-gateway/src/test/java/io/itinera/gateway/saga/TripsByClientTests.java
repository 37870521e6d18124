package io.itinera.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TripsByClientTests {

    private final TripsByClient index = new TripsByClient();

    @Test
    void pagesOneClientsTripsNewestFirstFromACursorWithAStatusFilter() {
        index.put(trip("a-1", "client-a", 1, TripStatus.READY));
        index.put(trip("a-2", "client-a", 2, TripStatus.PENDING));
        index.put(trip("a-3", "client-a", 3, TripStatus.READY));
        index.put(trip("b-1", "client-b", 4, TripStatus.READY));
        // same creation time: the larger id first, as the API's cursor orders them
        index.put(trip("a-4", "client-a", 3, TripStatus.FAILED));

        assertThat(ids(index.page("client-a", null, null, 10))).containsExactly("a-4", "a-3", "a-2", "a-1");
        assertThat(ids(index.page("client-a", null, null, 2))).containsExactly("a-4", "a-3");
        assertThat(ids(index.page("client-a", null, position("a-3", 3), 10))).containsExactly("a-2", "a-1");
        assertThat(ids(index.page("client-a", TripStatus.READY, null, 10))).containsExactly("a-3", "a-1");
        assertThat(ids(index.page("client-a", TripStatus.READY, position("a-3", 3), 10)))
                .containsExactly("a-1");
        assertThat(index.page("client-c", null, null, 10)).isEmpty();
    }

    @Test
    void aCursorFromASnapshotsFinerCreationTimeStillExcludesItsOwnTrip() {
        index.put(new TripsByClient.Entry(
                "a-1", "client-a", Instant.parse("2027-05-01T10:00:00.100Z"), TripStatus.READY));
        index.put(new TripsByClient.Entry(
                "a-2", "client-a", Instant.parse("2027-05-01T10:00:00.200Z"), TripStatus.READY));

        TripsByClient.Position after = new TripsByClient.Position(Instant.parse("2027-05-01T10:00:00.200345Z"), "a-2");
        assertThat(ids(index.page("client-a", null, after, 10))).containsExactly("a-1");
    }

    @Test
    void countsEachClientsOpenTripsThroughTransitionsAndErasure() {
        index.put(trip("a-1", "client-a", 1, TripStatus.PENDING));
        index.put(trip("a-2", "client-a", 2, TripStatus.PENDING));
        index.put(trip("b-1", "client-b", 3, TripStatus.PENDING));
        index.put(trip("a-1", "client-a", 1, TripStatus.ENRICHING));
        assertThat(index.openOf("client-a")).isEqualTo(2);

        index.put(trip("a-1", "client-a", 1, TripStatus.READY));
        index.put(trip("a-1", "client-a", 1, TripStatus.READY));
        assertThat(index.openOf("client-a")).isEqualTo(1);

        index.remove("a-2");
        index.remove("a-1");
        index.remove("unknown");
        assertThat(index.openOf("client-a")).isZero();
        assertThat(index.page("client-a", null, null, 10)).isEmpty();
        assertThat(index.openOf("client-b")).isEqualTo(1);
    }

    @Test
    void walkingEveryPageGivesWhatSortingAllTripsGives() {
        Random random = new Random(12);
        List<TripsByClient.Entry> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            TripsByClient.Entry trip = trip(
                    "t-" + i,
                    "client-" + random.nextInt(3),
                    random.nextInt(50),
                    TripStatus.values()[random.nextInt(TripStatus.values().length)]);
            index.put(trip);
            all.add(trip);
        }
        List<String> expected = all.stream()
                .filter(trip -> trip.clientId().equals("client-1") && trip.status() == TripStatus.READY)
                .sorted(Comparator.comparing(TripsByClient.Entry::createdAt)
                        .thenComparing(TripsByClient.Entry::tripId)
                        .reversed())
                .map(TripsByClient.Entry::tripId)
                .toList();

        List<String> walked = new ArrayList<>();
        TripsByClient.Position cursor = null;
        List<TripsByClient.Entry> page;
        do {
            page = index.page("client-1", TripStatus.READY, cursor, 7);
            page.forEach(trip -> walked.add(trip.tripId()));
            if (!page.isEmpty()) {
                TripsByClient.Entry last = page.get(page.size() - 1);
                cursor = new TripsByClient.Position(last.createdAt(), last.tripId());
            }
        } while (page.size() == 7);

        assertThat(expected).isNotEmpty();
        assertThat(walked).isEqualTo(expected);
    }

    private static TripsByClient.Entry trip(String id, String client, long createdSecond, TripStatus status) {
        return new TripsByClient.Entry(id, client, Instant.ofEpochSecond(createdSecond), status);
    }

    private static TripsByClient.Position position(String id, long createdSecond) {
        return new TripsByClient.Position(Instant.ofEpochSecond(createdSecond), id);
    }

    private static List<String> ids(List<TripsByClient.Entry> trips) {
        return trips.stream().map(TripsByClient.Entry::tripId).toList();
    }
}
