package io.itinera.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The headers every event carries: CloudEvents binary-mode attributes ({@code ce_*}), the HTTP request id for log
 * correlation, and the W3C {@code traceparent} (written by the tracing instrumentation, copied along where it is not).
 */
public final class EventHeaders {

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String REQUEST_ID = "x-request-id";
    public static final String TRACEPARENT = "traceparent";

    /** On a state record: the trip's (or proposal's) status, e.g. {@code READY}. */
    public static final String STATUS = "itinera-status";
    /** On a state record: the owning client's id. */
    public static final String CLIENT = "itinera-client";
    /** On a state record: when the trip (or proposal) was created, epoch milliseconds in decimal. */
    public static final String CREATED = "itinera-created";
    /** On a trip's state record: the {@code eventId} of the {@code SubmitTrip} that created the trip. */
    public static final String SUBMISSION = "itinera-submission";
    /**
     * On a request: the saga sent it again because no worker had answered the first in time; a worker that has just
     * handled a request with the same key drops this one.
     */
    public static final String RESENT = "itinera-resent";

    /** Every record of every service is stamped with its type: worked out once per class, not per record. */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String pkg = type.getPackageName();
            String domain = pkg.substring(pkg.lastIndexOf('.') + 1);
            return "io.itinera." + domain + "." + type.getSimpleName() + ".v1";
        }
    };

    private EventHeaders() {}

    /**
     * Sets the CloudEvents attributes of an event.
     *
     * @param source the writing service, e.g. {@code api-enrichment}
     */
    public static void stamp(Headers headers, Event event, String source) {
        replace(headers, CE_SPECVERSION, "1.0");
        replace(headers, CE_ID, event.eventId().toString());
        replace(headers, CE_SOURCE, "/itinera/" + source);
        replace(headers, CE_TYPE, typeOf(event));
        replace(headers, CE_TIME, event.occurredAt().toString());
        replace(headers, CE_SUBJECT, event.key());
        replace(headers, CONTENT_TYPE, "application/json");
    }

    /**
     * The CloudEvents type of an event record, e.g. {@code io.itinera.enrichment.EnrichmentCompleted.v1}; a
     * {@link RawForm} has the type of the event it is a form of.
     */
    public static String typeOf(Object event) {
        return TYPES.get(event instanceof RawForm<?> raw ? raw.formOf() : event.getClass());
    }

    /**
     * Describes a state record in its headers ({@link #STATUS}, {@link #CLIENT}, {@link #CREATED} and, when known,
     * {@link #SUBMISSION}), so that a reader can index it without parsing the value.
     */
    public static void describeState(
            Headers headers, String status, String clientId, Instant createdAt, @Nullable String submissionId) {
        replace(headers, STATUS, status);
        replace(headers, CLIENT, clientId);
        replace(headers, CREATED, Long.toString(createdAt.toEpochMilli()));
        if (submissionId != null) {
            replace(headers, SUBMISSION, submissionId);
        }
    }

    public static void replace(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<String> read(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /**
     * Copies the correlation headers (request id, trace context) from an incoming record to an outgoing one, for code
     * that no tracing instrumentation covers (Kafka Streams).
     */
    public static void propagate(Headers from, Headers to) {
        propagateRequestId(from, to);
        read(from, TRACEPARENT).ifPresent(v -> replace(to, TRACEPARENT, v));
    }

    /** Copies the request id; the trace context is left to the tracing instrumentation of the Kafka template. */
    public static void propagateRequestId(Headers from, Headers to) {
        read(from, REQUEST_ID).ifPresent(v -> replace(to, REQUEST_ID, v));
    }
}
