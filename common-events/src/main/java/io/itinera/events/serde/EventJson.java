package io.itinera.events.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of events: ISO-8601 dates, absent fields for nulls, unknown fields ignored so that consumers of
 * {@code v1} keep working when a producer adds an optional field.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Local times keep the destination's offset; never convert them to UTC on reading.
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            // The planning context's dates and times without DateTimeFormatter (issue 10: most of api-generation's
            // reading of a request).
            .addModule(IsoLocalTimes.module())
            // Every event's occurredAt and a trip's history without DateTimeFormatter (issue 10: the saga's state).
            .addModule(IsoInstants.module())
            .build();

    private static final Map<Class<?>, ObjectReader> READERS = new ConcurrentHashMap<>();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads one JSON document into a record; the {@link RawJson} values in it are sliced out of {@code json} as they
     * are, without binding them.
     */
    public static <T> T read(byte[] json, Class<T> type) {
        return READERS.computeIfAbsent(type, MAPPER::readerFor)
                .withAttribute(RawJson.SOURCE, json)
                .readValue(json);
    }
}
