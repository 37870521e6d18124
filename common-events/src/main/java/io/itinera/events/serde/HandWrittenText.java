package io.itinera.events.serde;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ser.std.StdScalarSerializer;

/**
 * A {@code java.time} value written and read by hand in its plain ISO text, and by Jackson's own (de)serializer for
 * anything else: a value the hand-written form does not cover (the format or parse function answers null), or a
 * mapper configured to write dates its own way. Jackson's {@code DateTimeFormatter}s cost more than the events' whole
 * remaining serialisation (issue 10).
 */
final class HandWrittenText {

    private HandWrittenText() {}

    static <T> ValueSerializer<T> writer(
            Class<T> type, Function<T, @Nullable String> format, ValueSerializer<T> jacksons) {
        return new Writer<>(type, format, jacksons);
    }

    static <T> ValueDeserializer<T> reader(
            Class<T> type, Function<String, @Nullable T> parse, ValueDeserializer<?> jacksons) {
        return new Reader<>(type, parse, jacksons);
    }

    /** Whether the mapper writes dates in a shape of its own configuration (numbers, truncated), left to Jackson. */
    private static boolean configured(SerializationContext context) {
        return context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                || context.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE);
    }

    private static final class Writer<T> extends StdScalarSerializer<T> {

        private final Function<T, @Nullable String> format;
        private final ValueSerializer<T> jacksons;

        Writer(Class<T> type, Function<T, @Nullable String> format, ValueSerializer<T> jacksons) {
            super(type);
            this.format = format;
            this.jacksons = jacksons;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            String text = configured(context) ? null : format.apply(value);
            if (text == null) {
                jacksons.serialize(value, generator, context);
            } else {
                generator.writeString(text);
            }
        }
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<String, @Nullable T> parse;
        private final ValueDeserializer<?> jacksons;

        Reader(Class<T> type, Function<String, @Nullable T> parse, ValueDeserializer<?> jacksons) {
            super(type);
            this.type = type;
            this.parse = parse;
            this.jacksons = jacksons;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                T value = parse.apply(parser.getString());
                if (value != null) {
                    return value;
                }
            }
            return type.cast(jacksons.deserialize(parser, context));
        }
    }
}
