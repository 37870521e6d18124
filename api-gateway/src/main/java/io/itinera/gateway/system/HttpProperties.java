package io.itinera.gateway.system;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody larger bodies are refused with 413, chunked ones as soon as they pass the limit
 * @param corsAllowedOrigins browser origins allowed to call the API; empty turns CORS off
 * @param requestReadTimeout longest pause between two reads of a request's body before the gateway answers 408 and
 *     closes the connection, so that a client that stops sending cannot hold a connection for ever
 * @param requestTimeout longest time to receive a whole request (headers and body) before 408
 */
@ConfigurationProperties("gateway.http")
record HttpProperties(
        @DefaultValue("64KB") DataSize maxRequestBody,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("10s") Duration requestReadTimeout,
        @DefaultValue("30s") Duration requestTimeout) {}
