package io.itinera.gateway.input;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapper of the HTTP API (and of nothing else: Kafka records have their own): what a client sends is read as
 * written or refused. No enum indexes ({@code "pace":1}), no scalar coercion ({@code 2.7} as an integer, {@code true}
 * as a string, {@code "2"} as a number), duplicate keys refused instead of "last wins", and bounded nesting, string,
 * name and number lengths before any object is built. Spring Boot's own {@code spring.jackson.*} settings still apply.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /** Deeper than any request body of this API (the deepest, a trip with lodging, is 2). */
    static final int MAX_DEPTH = 8;
    /** Longer than any string field (the longest, 120 characters), shorter than the body limit. */
    static final int MAX_STRING = 4_096;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING)
            .maxNameLength(128)
            .maxNumberLength(32)
            .build();

    @Bean
    JsonMapper jsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = builder();
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return strict(builder).build();
    }

    /** A strict builder without Spring Boot's settings (for tests). */
    static JsonMapper.Builder builder() {
        return strict(JsonMapper.builder(
                JsonFactory.builder().streamReadConstraints(LIMITS).build()));
    }

    private static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        CoercionInputShape[] scalars = {
            CoercionInputShape.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String
        };
        for (LogicalType type : new LogicalType[] {
            LogicalType.Textual,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.Boolean,
            LogicalType.DateTime,
            LogicalType.Enum
        }) {
            builder.withCoercionConfig(type, config -> {
                for (CoercionInputShape shape : scalars) {
                    if (!isNative(type, shape)) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                }
            });
        }
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The one JSON shape each logical type is written in: strings for text, dates and enums. */
    private static boolean isNative(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual, DateTime, Enum -> shape == CoercionInputShape.String;
            case Integer -> shape == CoercionInputShape.Integer;
            // 3 is a fine latitude.
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> true;
        };
    }
}
