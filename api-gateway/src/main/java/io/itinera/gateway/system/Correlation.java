package io.itinera.gateway.system;

import io.itinera.events.EventHeaders;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * What ties a command to the HTTP request that caused it: the request id and the W3C {@code traceparent} of the
 * request's server span. The gateway writes both into the command's headers itself instead of observing its Kafka
 * sends, so the trace reaches the saga and the workers without a producer span per command and without Reactor's
 * automatic context propagation (the span is read from the exchange, not from a thread local).
 *
 * @param traceparent {@code null} when the request is not traced
 */
public record Correlation(String requestId, @Nullable String traceparent) {

    /** The request's correlation: its id ({@link RequestIdFilter}) and its server span, if tracing is on. */
    public static Correlation of(ServerWebExchange exchange) {
        return new Correlation(
                RequestIdFilter.of(exchange), traceparentOf(exchange).orElse(null));
    }

    /** Sets the request id and, when known, the {@code traceparent} on a record's headers. */
    public void writeTo(Headers headers) {
        EventHeaders.replace(headers, EventHeaders.REQUEST_ID, requestId);
        if (traceparent != null) {
            EventHeaders.replace(headers, EventHeaders.TRACEPARENT, traceparent);
        }
    }

    private static Optional<String> traceparentOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(span -> traceparent(span.context()));
    }

    /** W3C Trace Context, version 00: {@code 00-<trace id>-<parent span id>-<flags>}. */
    static String traceparent(TraceContext span) {
        return "00-" + span.traceId() + "-" + span.spanId() + "-" + (Boolean.TRUE.equals(span.sampled()) ? "01" : "00");
    }
}
