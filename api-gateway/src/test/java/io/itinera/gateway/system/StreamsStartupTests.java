package io.itinera.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** What the saga's uncaught-exception handler answers, by the thread that died (it is called on that thread). */
class StreamsStartupTests {

    private final StreamsStartup startup =
            new StreamsStartup(new StreamsBuilderFactoryBean(), Map.of(), Duration.ofSeconds(1));

    @Test
    void aStreamThreadKilledByAnUnexpectedErrorIsReplaced() throws Exception {
        assertThat(answerOn("gateway-1-StreamThread-2", new IllegalStateException("a fold failed")))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void aDeadGlobalThreadStopsTheClientRatherThanAskForAReplacementStreamsCannotMake() throws Exception {
        assertThat(answerOn("gateway-1-GlobalStreamThread", new StreamsException("the global store failed")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void onlyTheGlobalThreadCountsAsGlobal() {
        assertThat(StreamsStartup.isGlobalThread(new Thread("gateway-1-GlobalStreamThread")))
                .isTrue();
        assertThat(StreamsStartup.isGlobalThread(new Thread("gateway-1-StreamThread-1")))
                .isFalse();
    }

    @Test
    void anInvalidOffsetAnywhereInTheCausesIsCuredByANewClient() {
        StreamsException failure = new StreamsException(
                "restoring",
                new OffsetOutOfRangeException("gone", Map.of(new TopicPartition("travel-trip.state", 0), 7L)));

        assertThat(StreamsStartup.curedByNewClient(failure)).isTrue();
        assertThat(StreamsStartup.curedByNewClient(new StreamsException("other")))
                .isFalse();
    }

    private StreamThreadExceptionResponse answerOn(String threadName, Throwable failure) throws Exception {
        CompletableFuture<StreamThreadExceptionResponse> answer = new CompletableFuture<>();
        Thread thread = new Thread(() -> answer.complete(startup.handle(failure)), threadName);
        thread.start();
        thread.join();
        return answer.get();
    }
}
