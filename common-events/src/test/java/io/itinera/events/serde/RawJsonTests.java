package io.itinera.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.EventHeaders;
import io.itinera.events.SampleEvents;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.RawEnrichmentCompleted;
import io.itinera.events.generation.Itinerary;
import io.itinera.events.generation.RawGenerationCompleted;
import io.itinera.events.generation.RawGenerationRequested;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RawJsonTests {

    record Holder(String name, RawJson<Object> value, int after) {}

    static Stream<Arguments> rawForms() {
        return Stream.of(
                Arguments.of(Topics.ENRICHMENT_COMPLETED, RawEnrichmentCompleted.class),
                Arguments.of(Topics.GENERATION_REQUEST, RawGenerationRequested.class),
                Arguments.of(Topics.GENERATION_COMPLETED, RawGenerationCompleted.class));
    }

    @ParameterizedTest
    @MethodSource("rawForms")
    void aRawFormReadsAndWritesItsEventsJsonByteForByte(TopicSpec<?> topic, Class<?> form) {
        EventSerializer<Object> serializer = new EventSerializer<>();
        EventDeserializer<Object> raw = EventDeserializer.withForms(Map.of(topic.name(), form));

        for (Object sample : SampleEvents.samplesOf(topic.type())) {
            byte[] written = serializer.serialize(topic.name(), sample);
            Object read = raw.deserialize(topic.name(), written);

            assertThat(read).isInstanceOf(form);
            assertThat(serializer.serialize(topic.name(), read)).isEqualTo(written);
            assertThat(new EventDeserializer<>().deserialize(topic.name(), written))
                    .isEqualTo(sample);
            assertThat(EventHeaders.typeOf(read)).isEqualTo(EventHeaders.typeOf(sample));
        }
    }

    @ParameterizedTest
    @MethodSource("rawForms")
    void aRawFormHasItsEventsComponentsInTheSameOrder(TopicSpec<?> topic, Class<?> form) {
        assertThat(names(form)).containsExactly(names(topic.type()));
    }

    @Test
    void theValueIsSlicedOutOfTheDocumentAsItWasWritten() {
        String document = "{\"name\":\"Belém\",\"value\": { \"b\" : [1.50, \"Pastéis\"],\"a\":{}} ,\"after\":7}";

        Holder holder = EventJson.read(document.getBytes(StandardCharsets.UTF_8), Holder.class);

        assertThat(holder.value().toString()).isEqualTo("{ \"b\" : [1.50, \"Pastéis\"],\"a\":{}}");
        assertThat(holder.after()).isEqualTo(7);
        assertThat(new String(EventJson.mapper().writeValueAsBytes(holder), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"Belém\",\"value\":{ \"b\" : [1.50, \"Pastéis\"],\"a\":{}},\"after\":7}");
    }

    @Test
    void readOtherwiseTheValueIsCopiedTokenByToken() {
        String document = "{\"name\":\"x\",\"value\": [ {\"a\" : \"é\"} ],\"after\":1}";

        Holder holder = EventJson.mapper().readValue(document, Holder.class);

        assertThat(holder.value().toString()).isEqualTo("[{\"a\":\"é\"}]");
    }

    @Test
    void aValueWrittenOnceBindsBackToTheSameRecord() {
        Itinerary itinerary = SampleEvents.itinerary();

        RawJson<Itinerary> raw = RawJson.of(itinerary);

        assertThat(raw.read(Itinerary.class)).isEqualTo(itinerary);
        assertThat(raw.toString())
                .isEqualTo(new String(EventJson.mapper().writeValueAsBytes(itinerary), StandardCharsets.UTF_8));
    }

    @Test
    void aTypedCompletionCarriesTheSummaryOfItsContext() {
        EnrichmentCompleted completed = EnrichmentCompleted.succeeded("trip-1", SampleEvents.context());

        assertThat(completed.summary()).isNotNull();
        assertThat(completed.summary().destinationName()).isEqualTo("Lisbon");
        assertThat(completed.summary().candidatePois())
                .isEqualTo(SampleEvents.context().pois().size());
        assertThat(completed.summary().days()).isEqualTo(SampleEvents.context().days());
    }

    private static String[] names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new);
    }
}
