package io.itinera.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.TopicNames;
import io.itinera.events.kafka.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;

class DeadLetteringExceptionHandlerTests {

    private static final String INPUT = TopicNames.TRIP_COMMANDS;
    private static final ProducerRecord<byte[], byte[]> OUTPUT =
            new ProducerRecord<>(TopicNames.ENRICHMENT_REQUEST, new byte[] {1}, new byte[] {2});

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetteringExceptionHandler handler = new DeadLetteringExceptionHandler();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void configure() {
        // The dead-letter write itself is not what is tested here: this template refuses it (logged, as when the
        // broker is away), the count before it says whether the record was set aside.
        KafkaOperations<byte[], byte[]> refusing = (KafkaOperations<byte[], byte[]>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KafkaOperations.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("no broker in this test");
                });
        handler.configure(Map.of(StreamsDeadLetters.CONFIG, new StreamsDeadLetters(refusing, meters)));
    }

    @Test
    void anOutputTheBrokerCouldNotTakeIsWrittenAgainNotDroppedNorSetAside() {
        for (Exception brokerTrouble : new Exception[] {
            new TimeoutException("Expiring 3 record(s): 120000 ms has passed since batch creation"),
            new NotLeaderOrFollowerException("leader moved")
        }) {
            assertThat(handler.handle(context(), OUTPUT, brokerTrouble))
                    .as("%s", brokerTrouble)
                    .isEqualTo(ProductionExceptionHandlerResponse.RETRY);
        }
        assertThat(deadLettersOf(INPUT)).isZero();
    }

    @Test
    void anOutputThatCanNeverBeWrittenSetsItsInputAsideAndTheSagaGoesOn() {
        assertThat(handler.handle(context(), OUTPUT, new RecordTooLargeException("2 MB")))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(deadLettersOf(INPUT)).isEqualTo(1);
    }

    private double deadLettersOf(String topic) {
        Counter counter = meters.find(DeadLetters.COUNTER).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return INPUT;
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 42;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "saga";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return new byte[] {1};
            }

            @Override
            public byte[] sourceRawValue() {
                return new byte[] {2};
            }
        };
    }
}
