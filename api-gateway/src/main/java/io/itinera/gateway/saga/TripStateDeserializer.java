package io.itinera.gateway.saga;

import io.itinera.events.EventHeaders;
import io.itinera.events.Topics;
import io.itinera.events.serde.EventSerde;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a state record without binding the snapshot when its headers say the status, owner and creation time; a record
 * without them (written before the saga wrote headers, or by anyone else) is parsed in full, so that a record that is
 * not a snapshot fails here and goes to the dead-letter topic instead of into the read model.
 */
final class TripStateDeserializer implements Deserializer<TripState> {

    /** The header in which the saga names the status of the snapshot it wrote. */
    static final String STATUS = EventHeaders.STATUS;

    private final Deserializer<TripSnapshot> snapshots =
            EventSerde.of(Topics.TRIP_STATE).deserializer();

    @Override
    public @Nullable TripState deserialize(String topic, byte @Nullable [] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public @Nullable TripState deserialize(String topic, @Nullable Headers headers, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        if (headers != null) {
            Optional<TripStatus> status = EventHeaders.read(headers, STATUS).flatMap(TripStateDeserializer::statusOf);
            Optional<String> client = EventHeaders.read(headers, EventHeaders.CLIENT);
            Optional<Instant> created =
                    EventHeaders.read(headers, EventHeaders.CREATED).flatMap(TripStateDeserializer::instantOf);
            if (status.isPresent() && client.isPresent() && created.isPresent()) {
                return new TripState(data, status.get(), client.get(), created.get());
            }
        }
        TripSnapshot snapshot = snapshots.deserialize(topic, data);
        if (snapshot == null
                || snapshot.status() == null
                || snapshot.tripId() == null
                || snapshot.clientId() == null
                || snapshot.createdAt() == null) {
            throw new SerializationException("not a trip snapshot: " + topic);
        }
        return new TripState(data, snapshot.status(), snapshot.clientId(), snapshot.createdAt());
    }

    private static Optional<Instant> instantOf(String epochMillis) {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(epochMillis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<TripStatus> statusOf(String name) {
        try {
            return Optional.of(TripStatus.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
