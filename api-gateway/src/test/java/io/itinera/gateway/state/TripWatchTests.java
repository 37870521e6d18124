package io.itinera.gateway.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.gateway.saga.TripIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Waiting for a trip: what is already there is always found, and what is not is waited for only so long. */
class TripWatchTests {

    private final TripWatch watch = new TripWatch(new TripIndex(Clock.systemUTC()));

    @Test
    void whatTheFirstReadFindsCountsHoweverShortTheWait() throws Exception {
        CountDownLatch readCanFinish = new CountDownLatch(1);
        CompletableFuture<Optional<String>> found = watch.await(
                        "trip-1",
                        () -> {
                            readCanFinish.await(10, TimeUnit.SECONDS);
                            return Optional.of("trip-1");
                        },
                        Duration.ofMillis(1))
                .toFuture();

        // a read slower than the wait (a busy replica, a short gateway.trips.read-wait) is not cut short by it
        Awaitility.await("the slow first read is still awaited")
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !found.isDone());
        readCanFinish.countDown();
        assertThat(found.get(10, TimeUnit.SECONDS)).contains("trip-1");
    }

    @Test
    void aTripThatDoesNotTurnUpIsGivenUpAfterTheWait() throws Exception {
        CompletableFuture<Optional<String>> found = watch.await(
                        "trip-2", Optional::<String>empty, Duration.ofMillis(50))
                .toFuture();

        assertThat(found.get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
