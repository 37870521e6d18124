package io.itinera.gateway.system;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saga's processing and production exception handler: the input record behind the failure goes to its
 * dead-letter topic with its original bytes, and the saga continues with the next record instead of shutting down.
 * Processing: a record that reads but breaks the fold (e.g. {@code {"schemaVersion":1}} keyed by a live trip).
 * Production: an output that cannot be written (too large, cannot be serialised); the input's dead-letter topic is
 * one the gateway owns and declares. A send that failed for a reason of the broker's, not the record's (a batch
 * expired during a broker outage, a leader moving: a {@link RetriableException}), is retried instead: Streams aborts
 * the task's transaction and processes its input again from the last commit, so the output is written once, never
 * dropped. Continuing there would commit the transaction without that output: a trip folded to {@code PENDING}
 * whose enrichment request was never written, stranded until its stage deadline.
 */
public class DeadLetteringExceptionHandler implements ProcessingExceptionHandler, ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private @Nullable StreamsDeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = StreamsDeadLetters.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        deadLetter(context, exception);
        return ProcessingHandlerResponse.CONTINUE;
    }

    @Override
    public ProductionExceptionHandlerResponse handle(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            log.warn(
                    "saga could not write to {} ({}): processing its input again from the last commit",
                    record.topic(),
                    exception.toString());
            return ProductionExceptionHandlerResponse.RETRY;
        }
        deadLetter(context, exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        deadLetter(context, exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    private void deadLetter(ErrorHandlerContext context, Exception exception) {
        if (deadLetters == null || context.topic() == null) {
            // Not caused by an input record (a punctuation): nothing to set aside; the saga goes on.
            log.error("saga failed outside an input record in {}", context.processorNodeId(), exception);
            return;
        }
        deadLetters.send(
                context.topic(),
                context.partition(),
                context.offset(),
                context.sourceRawKey(),
                context.sourceRawValue(),
                context.headers(),
                exception);
    }
}
