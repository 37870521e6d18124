package io.itinera.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.enrichment.EnrichmentRequested;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void everyTopicNameAppearsOnce() {
        assertThat(Topics.all().stream().map(TopicSpec::name)).doesNotHaveDuplicates();
    }

    @Test
    void aDeadLetterTopicHoldsItsSourcesRecordAndBelongsToItsConsumer() {
        TopicSpec<EnrichmentRequested> dlt =
                Topics.ENRICHMENT_REQUEST.deadLetter().orElseThrow();

        assertThat(dlt.name()).isEqualTo("travel-enrichment.request-dlt");
        assertThat(dlt.type()).isEqualTo(EnrichmentRequested.class);
        assertThat(dlt.owner()).isEqualTo(Topics.ENRICHMENT);
        assertThat(dlt.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(Topics.find(dlt.name())).contains(dlt);
    }

    @Test
    void compactedStateTopicsHaveADeadLetterTopicOfTheirOwner() {
        TopicSpec<?> dlt = Topics.TRIP_STATE.deadLetter().orElseThrow();

        assertThat(dlt.name()).isEqualTo("travel-trips.state-dlt");
        assertThat(dlt.owner()).isEqualTo(Topics.GATEWAY);
        assertThat(dlt.compacted()).isFalse();
        assertThat(Topics.find(Topics.deadLetter(TopicNames.PROPOSAL_STATE))).isPresent();
    }

    @Test
    void aWorkerDeclaresWhatItReadsWritesAndDeadLetters() {
        assertThat(Topics.usedBy(Topics.ENRICHMENT).stream().map(TopicSpec::name))
                .containsExactlyInAnyOrder(
                        "travel-enrichment.request",
                        "travel-enrichment.request-dlt",
                        "travel-enrichment.progress",
                        "travel-enrichment.completed",
                        "travel-enrichment.places");
    }

    @Test
    void thePlacesCacheIsCompactedAndReadByItsOwnerWithoutDeadLetters() {
        assertThat(Topics.ENRICHMENT_PLACES.compacted()).isTrue();
        assertThat(Topics.ENRICHMENT_PLACES.consumer()).isEqualTo(Topics.ENRICHMENT);
        assertThat(Topics.ENRICHMENT_PLACES.deadLetter()).isEmpty();
    }

    @Test
    void theGatewayDeclaresTheWorkersEventsItsSagaReads() {
        assertThat(Topics.usedBy(Topics.GATEWAY))
                .contains(Topics.GENERATION_COMPLETED, Topics.PROPOSAL_PROGRESS)
                .doesNotContain(Topics.ENRICHMENT_REQUEST.deadLetter().orElseThrow());
    }
}
