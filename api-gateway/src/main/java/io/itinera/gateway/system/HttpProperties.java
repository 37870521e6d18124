package io.itinera.gateway.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody larger bodies are refused with 413, chunked ones as soon as they pass the limit
 * @param corsAllowedOrigins browser origins allowed to call the API; empty turns CORS off
 */
@ConfigurationProperties("gateway.http")
record HttpProperties(
        @DefaultValue("64KB") DataSize maxRequestBody,
        @DefaultValue List<String> corsAllowedOrigins) {}
