package io.itinera.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.gateway.problem.Problem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

class LiveStreamsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LiveStreams streams = new LiveStreams(
            new ClientLimitsProperties(
                    true,
                    new ClientLimitsProperties.Caps(10, 2),
                    Map.of("big", new ClientLimitsProperties.Caps(10, 5)),
                    3),
            meters);

    @Test
    void refusesAStreamBeyondTheClientsCapAndTheReplicasAndCountsOnlyOpenOnes() {
        Disposable a1 = open("a");
        Disposable a2 = open("a");
        assertRefused("a", "too-many-streams", null);

        Disposable big = open("big");
        assertRefused("big", "streams-at-capacity", "5");
        assertThat(meters.get(LiveStreams.OPEN).gauge().value()).isEqualTo(3);

        a1.dispose();
        Disposable a3 = open("a");
        assertThat(meters.get(LiveStreams.OPEN).gauge().value()).isEqualTo(3);

        a2.dispose();
        a3.dispose();
        big.dispose();
        assertThat(meters.get(LiveStreams.OPEN).gauge().value()).isZero();
    }

    @Test
    void aStreamThatEndsIsNoLongerCounted() {
        for (int i = 0; i < 5; i++) {
            assertThat(streams.counted("a", Flux.just(1, 2)).collectList().block())
                    .containsExactly(1, 2);
        }
        assertThat(meters.get(LiveStreams.OPEN).gauge().value()).isZero();
    }

    private Disposable open(String client) {
        return streams.counted(client, Flux.never()).subscribe();
    }

    private void assertRefused(String client, String code, @Nullable String retryAfter) {
        assertThatThrownBy(() -> streams.counted(client, Flux.never()).blockFirst())
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(429);
                    assertThat(problem.getBody().getType().toString()).endsWith("/" + code);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo(retryAfter);
                });
    }
}
