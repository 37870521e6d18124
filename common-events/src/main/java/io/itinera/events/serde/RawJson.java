package io.itinera.events.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A JSON value kept as the bytes it arrived in, for code that only forwards it (the gateway's saga forwards the planning
 * context and the itinerary): reading captures the value's bytes without binding them, writing copies them back
 * verbatim, so the JSON on the wire is the same as if {@code T} had been read and written. {@code T} names what the
 * bytes hold, for readers of the code and for the JSON schemas; {@link #read(Class)} binds them when needed.
 *
 * <p>Read through {@link EventJson#read(byte[], Class)} (as {@link EventDeserializer} does), the bytes are sliced out of
 * the record's own bytes by the parser's offsets; read any other way, the value's tokens are copied instead.
 */
@JsonSerialize(using = RawJson.Writer.class)
@JsonDeserialize(using = RawJson.Reader.class)
public final class RawJson<T> {

    /** The attribute under which {@link EventJson#read(byte[], Class)} hands the document's bytes to the reader. */
    static final String SOURCE = RawJson.class.getName() + ".source";

    private final byte[] json;

    private RawJson(byte[] json) {
        this.json = json;
    }

    /** Writes a value once, the way every event is written; the result is forwarded without writing it again. */
    public static <T> RawJson<T> of(T value) {
        return new RawJson<>(EventJson.mapper().writeValueAsBytes(value));
    }

    /** Binds the bytes to the record they hold. */
    public T read(Class<T> type) {
        return EventJson.read(json, type);
    }

    /** How many bytes of JSON this value is. */
    public int size() {
        return json.length;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RawJson<?> raw && Arrays.equals(json, raw.json);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** Writes the bytes as they are. */
    static final class Writer extends StdSerializer<RawJson<?>> {

        Writer() {
            super(RawJson.class);
        }

        @Override
        public void serialize(RawJson<?> value, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(new Verbatim(value.json));
        }
    }

    /** Slices the value out of the document's bytes, or copies its tokens when the parser is not reading those bytes. */
    static final class Reader extends StdDeserializer<RawJson<?>> {

        Reader() {
            super(RawJson.class);
        }

        @Override
        public RawJson<?> deserialize(JsonParser parser, DeserializationContext context) {
            if (context.getAttribute(SOURCE) instanceof byte[] source
                    && parser instanceof UTF8StreamJsonParser
                    && (parser.isExpectedStartObjectToken() || parser.isExpectedStartArrayToken())) {
                long start = parser.currentTokenLocation().getByteOffset();
                if (start >= 0 && start < source.length && source[(int) start] == opening(parser.currentToken())) {
                    parser.skipChildren();
                    long end = parser.currentTokenLocation().getByteOffset() + 1;
                    if (end <= start
                            || end > source.length
                            || source[(int) end - 1] != closing(parser.currentToken())) {
                        return context.reportInputMismatch(
                                this, "cannot locate a JSON value's bytes (%d..%d)", start, end);
                    }
                    return new RawJson<>(Arrays.copyOfRange(source, (int) start, (int) end));
                }
            }
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            try (JsonGenerator generator = EventJson.mapper().createGenerator(copy)) {
                generator.copyCurrentStructure(parser);
            }
            return new RawJson<>(copy.toByteArray());
        }

        private static byte opening(JsonToken token) {
            return (byte) (token == JsonToken.START_OBJECT ? '{' : '[');
        }

        private static byte closing(JsonToken token) {
            return (byte) (token == JsonToken.END_OBJECT ? '}' : ']');
        }
    }

    /**
     * The bytes as Jackson's raw-value input: byte-based generators copy them, character-based ones (a
     * {@code String} target) decode them.
     */
    private record Verbatim(byte[] utf8) implements SerializableString {

        @Override
        public String getValue() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (offset + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }

        // A raw value is never written as a quoted string; these follow the interface's contract all the same.

        @Override
        public char[] asQuotedChars() {
            return quoted().asQuotedChars();
        }

        @Override
        public byte[] asQuotedUTF8() {
            return quoted().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return quoted().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return quoted().appendQuoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) throws IOException {
            return quoted().writeQuotedUTF8(out);
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
            return quoted().putQuotedUTF8(buffer);
        }

        private SerializedString quoted() {
            return new SerializedString(getValue());
        }
    }
}
