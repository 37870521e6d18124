package io.itinera.generation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.TopicNames;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.Interest;
import io.itinera.generation.KafkaIntegrationTest;
import io.itinera.kafka.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ProposalListenerIntegrationTests extends KafkaIntegrationTest {

    @Test
    void ranksDestinationsForARequestedBriefReportingProgressAndTheTopProposals() throws Exception {
        // given a May brief from Berlin for art and history, a medium budget, at most 5 hours away
        String proposalId = "proposal-" + UUID.randomUUID();
        ProposalBrief brief =
                new ProposalBrief("Berlin", 5, 4, List.of(Interest.ART, Interest.HISTORY), Budget.MEDIUM, 5.0, 3);

        try (TopicRecords<Object> events = TopicRecords.of(
                bootstrapServers(),
                new EventDeserializer<>(),
                TopicNames.PROPOSAL_PROGRESS,
                TopicNames.PROPOSAL_COMPLETED)) {
            // when
            send(proposalId, ProposalRequested.of(proposalId, brief));

            // then
            // two topics are read side by side, so wait for both rather than rely on the order they arrive in
            List<ConsumerRecord<String, Object>> records = events.awaitRecords(proposalId, read -> {
                assertThat(read)
                        .filteredOn(r -> r.value() instanceof ProposalCompleted)
                        .hasSize(1);
                assertThat(read)
                        .filteredOn(r -> r.value() instanceof ProposalProgress)
                        .isNotEmpty();
            });
            assertThat(records)
                    .filteredOn(r -> r.value() instanceof ProposalProgress)
                    .extracting(r -> ((ProposalProgress) r.value()).progress().step())
                    .containsOnly("ranking")
                    .isNotEmpty();
            ConsumerRecord<String, Object> last = records.stream()
                    .filter(r -> r.value() instanceof ProposalCompleted)
                    .findFirst()
                    .orElseThrow();
            ProposalCompleted completed = (ProposalCompleted) last.value();
            assertThat(completed.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(completed.proposals()).hasSize(3);
            assertThat(completed.proposals())
                    .extracting(DestinationProposal::destinationId)
                    .doesNotContain("berlin", "new-york");
            assertThat(completed.proposals()).allSatisfy(p -> {
                assertThat(p.breakdown()).containsOnlyKeys("interests", "climate", "distance", "cost");
                assertThat(p.reasons()).isNotEmpty();
            });
            assertThat(EventHeaders.read(last.headers(), EventHeaders.REQUEST_ID))
                    .contains("req-proposal");
            assertThat(EventHeaders.read(last.headers(), EventHeaders.CE_TYPE))
                    .contains("io.itinera.proposal.ProposalCompleted.v1");
        }
    }

    @Test
    void answersAnUnknownOriginWithAFailedOutcome() throws Exception {
        String proposalId = "proposal-" + UUID.randomUUID();
        ProposalBrief brief = new ProposalBrief("Atlantis", 7, 3, List.of(Interest.FOOD), Budget.LOW, null, 5);

        try (TopicRecords<Object> events =
                TopicRecords.of(bootstrapServers(), new EventDeserializer<>(), TopicNames.PROPOSAL_COMPLETED)) {
            send(proposalId, ProposalRequested.of(proposalId, brief));

            ProposalCompleted completed = (ProposalCompleted)
                    events.awaitRecords(proposalId, read -> assertThat(read).hasSize(1))
                            .get(0)
                            .value();
            assertThat(completed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(completed.failure().code()).isEqualTo("unknown-origin");
            assertThat(completed.proposals()).isEmpty();
        }
    }

    private void send(String proposalId, ProposalRequested requested) throws Exception {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(TopicNames.PROPOSAL_REQUEST, proposalId, requested);
        record.headers().add(EventHeaders.REQUEST_ID, "req-proposal".getBytes(StandardCharsets.UTF_8));
        // in a transaction, as the saga sends: the service's own template is transactional (exactly-once)
        kafka.executeInTransaction(operations -> operations.send(record)).get();
    }
}
