package io.itinera.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.Event;
import io.itinera.events.EventHeaders;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.trip.CancelTrip;
import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.system.Correlation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * A command the broker does not take within the producer's delivery timeout is a 503 the client can act on; a send that
 * could block on the producer's metadata never runs on the caller's thread.
 */
class SagaCommandsTests {

    /** What the Kafka producer reports when a record could not be delivered within {@code delivery.timeout.ms}. */
    private static final class Unreachable implements EventPublisher {
        @Override
        public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
            throw new TimeoutException("Expiring 1 record(s): 5000 ms has passed since batch creation");
        }

        @Override
        public <T extends Event> CompletableFuture<Void> publishAsync(
                TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
            return CompletableFuture.failedFuture(
                    new TimeoutException("Expiring 1 record(s): 5000 ms has passed since batch creation"));
        }
    }

    /** Records the thread each send is handed to the producer on, and the headers it carries; the broker takes it. */
    private static final class Recording implements EventPublisher {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<Headers> headers = new CopyOnWriteArrayList<>();

        @Override
        public <T extends Event> void publish(TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
            publishAsync(topic, event, causedBy).join();
        }

        @Override
        public <T extends Event> CompletableFuture<Void> publishAsync(
                TopicSpec<T> topic, T event, @Nullable Headers causedBy) {
            threads.add(Thread.currentThread().getName());
            headers.add(causedBy);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final Correlation REQUEST =
            new Correlation("req-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    private final SagaCommands commands = new SagaCommands(new Unreachable());

    @Test
    void aCommandToATopicNotSentToLatelyIsHandedToTheProducerOffTheCallersThread() {
        Recording producer = new Recording();
        SagaCommands fresh = new SagaCommands(producer);
        CancelTrip command = CancelTrip.of("trip-1", "client-a", "req-1");
        String caller = Thread.currentThread().getName();

        // the producer may block fetching the topic's metadata: never on the caller's thread (an event loop)
        fresh.send(Topics.TRIP_COMMANDS, command, REQUEST).block(Duration.ofSeconds(5));
        // acknowledged, so the producer holds the metadata: send returns at once, no thread hop
        fresh.send(Topics.TRIP_COMMANDS, command, REQUEST).block(Duration.ofSeconds(5));

        assertThat(producer.threads).hasSize(2);
        assertThat(producer.threads.get(0)).startsWith("boundedElastic").isNotEqualTo(caller);
        assertThat(producer.threads.get(1)).isEqualTo(caller);
        assertThat(EventHeaders.read(producer.headers.get(1), EventHeaders.REQUEST_ID))
                .contains("req-1");
        assertThat(EventHeaders.read(producer.headers.get(1), EventHeaders.TRACEPARENT))
                .contains(REQUEST.traceparent());
    }

    @Test
    void anUndeliveredCommandIsA503WithRetryAfter() {
        CancelTrip command = CancelTrip.of("trip-1", "client-a", "req-1");

        assertThatThrownBy(() ->
                        commands.send(Topics.TRIP_COMMANDS, command, REQUEST).block(Duration.ofSeconds(5)))
                .satisfies(SagaCommandsTests::brokerUnavailable);
        assertThatThrownBy(() ->
                        commands.publish(Topics.TRIP_COMMANDS, command, REQUEST).block(Duration.ofSeconds(5)))
                .satisfies(SagaCommandsTests::brokerUnavailable);
    }

    private static void brokerUnavailable(Throwable error) {
        assertThat(error).isInstanceOf(Problem.class);
        Problem problem = (Problem) error;
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.getBody().getType().toString()).isEqualTo("/problems/broker-unavailable");
        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo(SagaCommands.BROKER_RETRY_AFTER_SECONDS);
    }
}
