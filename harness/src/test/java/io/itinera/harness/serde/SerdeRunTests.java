package io.itinera.harness.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.Outcome;
import io.itinera.events.Topics;
import io.itinera.events.enrichment.RawEnrichmentCompleted;
import io.itinera.events.generation.RawGenerationCompleted;
import io.itinera.events.serde.EventJson;
import io.itinera.events.serde.EventSerializer;
import org.junit.jupiter.api.Test;

class SerdeRunTests {

    @Test
    void theAnswersReadAreTheWorkersRealAnswersReadAsTheSagaReadsThem() throws Exception {
        SerdeRun.Answers answers = SerdeRun.Answers.of(2, 1);
        EventSerializer<Object> serializer = new EventSerializer<>();

        assertThat(answers.enrichment()).hasSize(2).allSatisfy(written -> {
            RawEnrichmentCompleted read = EventJson.read(written, RawEnrichmentCompleted.class);
            assertThat(read.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(read.context()).isNotNull();
            assertThat(read.context().size()).as("a real context's size").isGreaterThan(5_000);
            assertThat(serializer.serialize(Topics.ENRICHMENT_COMPLETED.name(), read))
                    .isEqualTo(written);
        });
        assertThat(answers.generation()).hasSize(2).allSatisfy(written -> {
            RawGenerationCompleted read = EventJson.read(written, RawGenerationCompleted.class);
            assertThat(read.itinerary()).isNotNull();
            assertThat(serializer.serialize(Topics.GENERATION_COMPLETED.name(), read))
                    .isEqualTo(written);
        });
    }
}
