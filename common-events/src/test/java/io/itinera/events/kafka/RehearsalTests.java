package io.itinera.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.SampleEvents;
import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentRequested;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

class RehearsalTests {

    @Test
    void startingRunsTheRehearsalOnce() {
        AtomicInteger runs = new AtomicInteger();
        Rehearsal rehearsal = new Rehearsal("plans") {
            @Override
            protected int rehearse() {
                return runs.incrementAndGet();
            }
        };

        rehearsal.start();

        assertThat(runs).hasValue(1);
        assertThat(rehearsal.isRunning()).isTrue();
    }

    @Test
    void aRehearsalThatFailsDoesNotStopTheStart() {
        Rehearsal failing = new Rehearsal("plans") {
            @Override
            protected int rehearse() {
                throw new IllegalStateException("made-up trip could not be planned");
            }
        };

        assertThatCode(failing::start).doesNotThrowAnyException();
        assertThat(failing.isRunning()).isTrue();
    }

    @Test
    void itRunsBeforeTheListenersAndTheirTransactionalProducersStart() {
        assertThat(Rehearsal.PHASE)
                .isLessThan(TransactionFencing.PHASE)
                .isLessThan(AbstractMessageListenerContainer.DEFAULT_PHASE);
    }

    @Test
    void anEventReadBackIsTheEventAsSent() {
        EnrichmentRequested sent = EnrichmentRequested.of("trip-1", SampleEvents.fullRequest());

        EnrichmentRequested received =
                noWork().asReceived(TopicNames.ENRICHMENT_REQUEST, sent, EnrichmentRequested.class);

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void anEventThatReadsBackAsAnotherTypeFailsTheRehearsal() {
        EnrichmentRequested sent = EnrichmentRequested.of("trip-1", SampleEvents.fullRequest());

        assertThatThrownBy(() -> noWork().asReceived(TopicNames.ENRICHMENT_REQUEST, sent, EnrichmentCompleted.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EnrichmentCompleted did not read back");
    }

    private static Rehearsal noWork() {
        return new Rehearsal("plans") {
            @Override
            protected int rehearse() {
                return 0;
            }
        };
    }
}
