package io.itinera.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.SampleEvents;
import io.itinera.events.TopicNames;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripCommand;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSerdeTests {

    static Stream<String> topics() {
        return Topics.all().stream()
                .filter(t -> t.deadLetter().isPresent() || t.compacted())
                .map(TopicSpec::name);
    }

    @ParameterizedTest
    @MethodSource("topics")
    void everyEventRoundTripsThroughItsTopic(String topic) {
        Class<?> type = Topics.spec(topic).type();
        Class<?> sampleType = type == TripCommand.class ? SubmitTrip.class : type;
        EventSerializer<Object> serializer = new EventSerializer<>();
        EventDeserializer<Object> deserializer = new EventDeserializer<>();

        for (Object sample : SampleEvents.samplesOf(sampleType)) {
            byte[] bytes = serializer.serialize(topic, sample);
            assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(sample);
            Topics.spec(topic)
                    .deadLetter()
                    .ifPresent(dlt -> assertThat(deserializer.deserialize(dlt.name(), bytes))
                            .isEqualTo(sample));
        }
    }

    @Test
    void commandsCarryAShortTypeTokenNotAClassName() {
        Object submitted = SampleEvents.samplesOf(SubmitTrip.class).get(0);

        String json = new String(
                new EventSerializer<>().serialize(TopicNames.TRIP_COMMANDS, submitted), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"submit-trip\"").doesNotContain("io.itinera");
    }

    @Test
    void aCommandWrittenBeforeTheRenameIsStillRead() {
        Object submitted = SampleEvents.samplesOf(SubmitTrip.class).get(0);
        String json = new String(
                new EventSerializer<>().serialize(TopicNames.TRIP_COMMANDS, submitted), StandardCharsets.UTF_8);
        byte[] old = json.replace("\"type\":\"submit-trip\"", "\"type\":\"trip-submitted\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(new EventDeserializer<>().deserialize(TopicNames.TRIP_COMMANDS, old))
                .isEqualTo(submitted);
    }

    @Test
    void localTimesKeepTheirOffset() {
        Object completed = SampleEvents.samplesOf(GenerationCompleted.class).get(0);

        String json = new String(
                new EventSerializer<>().serialize(TopicNames.GENERATION_COMPLETED, completed), StandardCharsets.UTF_8);

        assertThat(json).contains("\"arrival\":\"2027-03-28T09:40:00+01:00\"");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        Object request = SampleEvents.samplesOf(EnrichmentRequested.class).get(0);
        Map<String, Object> newer = EventJson.mapper().convertValue(request, Map.class);
        newer.put("addedInAMinorVersion", "ignored");

        Object read = new EventDeserializer<>()
                .deserialize(TopicNames.ENRICHMENT_REQUEST, EventJson.mapper().writeValueAsBytes(newer));

        assertThat(read).isEqualTo(request);
    }

    @Test
    void rawBytesPassThroughForDeadLetters() {
        byte[] poison = "not json".getBytes(StandardCharsets.UTF_8);

        assertThat(new EventSerializer<>().serialize(Topics.deadLetter(TopicNames.ENRICHMENT_REQUEST), poison))
                .isSameAs(poison);
    }

    @Test
    void unreadableRecordFailsWithTheTopicInTheMessage() {
        assertThatThrownBy(() -> new EventDeserializer<>()
                        .deserialize(TopicNames.ENRICHMENT_REQUEST, "{\"tripId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TopicNames.ENRICHMENT_REQUEST);
    }
}
