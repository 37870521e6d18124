package io.itinera.gateway.system;

import io.itinera.events.Topics;
import io.itinera.events.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Where the saga puts a record it cannot process or produce: {@code <topic>-dlt}, with the record's original bytes and
 * headers and the cause in Spring Kafka's {@code kafka_dlt-*} headers (as the workers' recoverer writes them), counted
 * in {@code itinera_kafka_dead_letters_total{topic}}. The write is outside the saga's transaction: a record that is
 * processed again after an abort may be dead-lettered twice, never lost.
 */
public final class StreamsDeadLetters {

    /** The Streams config entry the exception handlers find this instance under. */
    public static final String CONFIG = "itinera.streams.dead-letters";

    private static final Logger log = LoggerFactory.getLogger(StreamsDeadLetters.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaOperations<byte[], byte[]> template;
    private final MeterRegistry meters;

    public StreamsDeadLetters(KafkaOperations<byte[], byte[]> template, MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
    }

    static StreamsDeadLetters from(Map<String, ?> configs) {
        if (configs.get(CONFIG) instanceof StreamsDeadLetters deadLetters) {
            return deadLetters;
        }
        throw new IllegalStateException(CONFIG + " must hold the saga's StreamsDeadLetters");
    }

    /**
     * Sends one record to the dead-letter topic of {@code topic} and counts it; a failure to do so is logged, never
     * thrown, so that the saga continues either way.
     */
    void send(
            String topic,
            int partition,
            long offset,
            byte @Nullable [] key,
            byte @Nullable [] value,
            @Nullable Headers original,
            Exception cause) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        log.error(
                "dead-lettering saga record topic={} partition={} offset={} after {}: {}",
                topic,
                partition,
                offset,
                root.getClass().getName(),
                root.getMessage());
        Headers headers = new RecordHeaders();
        if (original != null) {
            original.forEach(headers::add);
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(root.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(root.getMessage())));
        DeadLetters.count(meters, topic);
        try {
            template.send(new ProducerRecord<>(Topics.deadLetter(topic), null, null, key, value, headers))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("interrupted while dead-lettering a record of {}", topic, e);
        } catch (Exception e) {
            log.error("could not dead-letter a record of {}; it is skipped", topic, e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
