package io.itinera.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.Event;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.trip.CancelTrip;
import io.itinera.gateway.problem.Problem;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A command the broker does not take within the producer's delivery timeout is a 503 the client can act on. */
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

    private final SagaCommands commands = new SagaCommands(new Unreachable());

    @Test
    void anUndeliveredCommandIsA503WithRetryAfter() {
        CancelTrip command = CancelTrip.of("trip-1", "client-a", "req-1");

        assertThatThrownBy(() ->
                        commands.send(Topics.TRIP_COMMANDS, command, "req-1").block(Duration.ofSeconds(5)))
                .satisfies(SagaCommandsTests::brokerUnavailable);
        assertThatThrownBy(() ->
                        commands.publish(Topics.TRIP_COMMANDS, command, "req-1").block(Duration.ofSeconds(5)))
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
