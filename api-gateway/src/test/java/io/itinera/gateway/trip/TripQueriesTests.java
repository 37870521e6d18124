package io.itinera.gateway.trip;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.SampleEvents;
import io.itinera.events.serde.EventJson;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.itinera.gateway.saga.TripIndex;
import io.itinera.gateway.saga.TripIndexFeed;
import io.itinera.gateway.state.ReadModels;
import io.itinera.gateway.state.TripWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * A trip this replica accepted without an {@code Idempotency-Key} is answered from its placeholder until its snapshot is
 * in the read model, and from the snapshot after: never from neither, however the snapshot's arrival interleaves with a
 * read.
 */
class TripQueriesTests {

    private static final String CLIENT = "client-a";

    private final TripIndex index = new TripIndex(Clock.systemUTC());
    private final TripsProperties properties = new TripsProperties(
            Duration.ofSeconds(3), Duration.ofMillis(1), Duration.ofSeconds(60), Period.ofDays(-1), Period.ofYears(2));
    private final AcceptedTrips accepted = new AcceptedTrips(index, Clock.systemUTC(), properties);
    /** The read model's store of snapshot bytes. */
    private final Map<String, byte[]> store = new ConcurrentHashMap<>();
    /** What arrives in the store during the next read of it, as the read model's processor would write it. */
    private final Map<String, byte[]> arriving = new ConcurrentHashMap<>();

    private final AtomicInteger reads = new AtomicInteger();

    private final ReadModels readModels = new ReadModels(new StreamsBuilderFactoryBean()) {
        @Override
        @SuppressWarnings("unchecked")
        public <S> Optional<S> find(String storeName, String key) {
            reads.incrementAndGet();
            Optional<S> read = Optional.ofNullable((S) store.get(key));
            byte[] snapshot = arriving.remove(key);
            if (snapshot != null) {
                // stored first, then the index told (which drops the placeholder): TripStateProcessor's order
                store.put(key, snapshot);
                TripIndexFeed.arrived(index, key, CLIENT, TripStatus.PENDING, SampleEvents.NOW);
            }
            return read;
        }
    };
    private final TripQueries queries = new TripQueries(readModels, accepted, new TripWatch(index), properties, index);

    @Test
    void aTripWhoseSnapshotArrivesDuringItsReadIsStillFound() {
        SubmitTrip command = SubmitTrip.of("trip-1", CLIENT, "req-1", SampleEvents.fullRequest());
        accepted.accepting(command, true, Integer.MAX_VALUE, () -> 0);
        TripSnapshot placeholder = accepted.find("trip-1", CLIENT).orElseThrow();
        arriving.put("trip-1", EventJson.mapper().writeValueAsBytes(withVersion(placeholder, 1)));

        Optional<TripSnapshot> whileArriving = queries.find("trip-1", CLIENT);
        Optional<TripSnapshot> after = queries.find("trip-1", CLIENT);

        assertThat(whileArriving).map(TripSnapshot::status).contains(TripStatus.PENDING);
        assertThat(accepted.find("trip-1", CLIENT))
                .as("the placeholder went with the snapshot")
                .isEmpty();
        assertThat(after).map(TripSnapshot::version).contains(1L);
        // and through the API's read at a read-wait of 1 ms
        assertThat(queries.owned("trip-1", CLIENT).block(Duration.ofSeconds(10)))
                .extracting(TripSnapshot::version)
                .isEqualTo(1L);
    }

    @Test
    void aPageOfTripsReadsOnlyThatPagesSnapshots() {
        for (int i = 0; i < 200; i++) {
            stored("b-" + i, "client-b", i);
        }
        for (int i = 0; i < 30; i++) {
            stored("a-" + i, CLIENT, i);
        }
        reads.set(0);

        List<TripSnapshot> page = queries.page(CLIENT, null, null, 5);
        List<TripSnapshot> next = queries.page(CLIENT, null, TripCursor.after(page.get(4)), 5);

        assertThat(page).extracting(TripSnapshot::tripId).containsExactly("a-29", "a-28", "a-27", "a-26", "a-25");
        assertThat(next).extracting(TripSnapshot::tripId).containsExactly("a-24", "a-23", "a-22", "a-21", "a-20");
        assertThat(reads).as("snapshots read for two pages of five").hasValue(10);
    }

    @Test
    void anotherClientsPlaceholderIsNotFound() {
        accepted.accepting(SubmitTrip.of("trip-2", CLIENT, "req-2", SampleEvents.fullRequest()), true, 1, () -> 0);

        assertThat(queries.find("trip-2", "client-b")).isEmpty();
        assertThat(queries.find("trip-2", CLIENT)).isPresent();
    }

    /** A trip in the read model: its snapshot in the store, then the index told, as the read model does. */
    private void stored(String tripId, String clientId, int createdSecond) {
        Instant created = SampleEvents.NOW.plusSeconds(createdSecond);
        SubmitTrip command = new SubmitTrip(
                SubmitTrip.SCHEMA_VERSION,
                UUID.randomUUID(),
                created,
                tripId,
                clientId,
                "req",
                SampleEvents.fullRequest());
        accepted.accepting(command, true, Integer.MAX_VALUE, () -> 0);
        TripSnapshot trip = withVersion(accepted.find(tripId, clientId).orElseThrow(), 1);
        store.put(tripId, EventJson.mapper().writeValueAsBytes(trip));
        TripIndexFeed.arrived(index, tripId, clientId, TripStatus.PENDING, created);
    }

    private static TripSnapshot withVersion(TripSnapshot trip, long version) {
        return new TripSnapshot(
                trip.schemaVersion(),
                trip.tripId(),
                trip.clientId(),
                version,
                trip.status(),
                trip.createdAt(),
                trip.updatedAt(),
                trip.request(),
                trip.context(),
                trip.itinerary(),
                trip.failure(),
                trip.history(),
                trip.appliedEventIds(),
                trip.acceptedSubmissionId());
    }
}
