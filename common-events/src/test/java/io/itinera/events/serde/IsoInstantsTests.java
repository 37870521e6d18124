package io.itinera.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantsTests {

    /** Jackson's own java.time writer and reader, for comparison. */
    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void writesAndReadsInstantsAsJacksonDoes() {
        // given instants with every fraction length, around the epoch, leap days and the ends of the 4-digit years
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("2026-12-02T15:37:42.120Z"),
                Instant.parse("2026-12-02T15:37:42.000120Z"),
                Instant.parse("2026-12-02T15:37:42.000000120Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.MIN,
                Instant.MAX));
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 2_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L); // 0000-01-01 .. 9999-12-31
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }

        for (Instant instant : instants) {
            // when
            String ours = EventJson.mapper().writeValueAsString(instant);

            // then: the same text as Jackson's writer, read back to the same instant by both readers
            assertThat(ours).as("%s", instant).isEqualTo(JACKSON.writeValueAsString(instant));
            assertThat(read(ours)).isEqualTo(instant).isEqualTo(JACKSON.readValue(ours, Instant.class));
        }
    }

    @Test
    void handlesTheShapesEventsCarryItself() {
        assertThat(EventJson.mapper().registeredModules())
                .anyMatch(module -> module.getRegistrationId().equals("itinera-iso-instants"));
        assertThat(IsoInstants.format(Instant.parse("2026-12-02T15:37:42.5Z"))).isEqualTo("2026-12-02T15:37:42.500Z");
        assertThat(IsoInstants.parse("2026-12-02T15:37:42.5Z")).isEqualTo(Instant.parse("2026-12-02T15:37:42.5Z"));
        assertThat(IsoInstants.parse("2026-12-02T15:37:42Z")).isEqualTo(Instant.parse("2026-12-02T15:37:42Z"));
        // anything else is left to Jackson's own writer and reader
        assertThat(IsoInstants.format(Instant.parse("+10000-01-01T00:00:00Z"))).isNull();
        assertThat(IsoInstants.parse("2026-12-02T15:37:42+01:00")).isNull();
        assertThat(IsoInstants.parse("2026-12-02T15:37:42.Z")).isNull();
        assertThat(IsoInstants.parse("2026-12-02T23:59:60Z")).isNull();
        assertThat(IsoInstants.parse("1764689862")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-12-02T15:37:42Z\"",
                "\"2026-12-02T15:37:42.1Z\"",
                "\"2026-12-02T24:00:00Z\"",
                "\"2026-12-02T15:37:42.123456789Z\"",
                "\"2026-12-02T15:37:42+01:00\"",
                "\"2026-12-02T15:37:42.250+00:00\"",
                "\"+12026-12-02T15:37:42Z\"",
                "\" 2026-12-02T15:37:42Z \"",
                "1764689862",
                "1764689862.5",
                "\"1764689862\"",
            })
    void readsEveryInstantAsJacksonDoes(String json) {
        assertThat(read(json)).isEqualTo(JACKSON.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2026-12-02T15:60:00Z\"",
                "\"2027-02-29T10:00:00Z\"",
                "\"2026-13-02T15:37:42Z\"",
                "\"2026-12-02 15:37:42Z\"",
                "\"2026-12-02T15:37:42.1234567890Z\"",
                "\"2026-12-02T15:37:42\"",
                "\"2026-12-02\"",
            })
    void refusesInstantsJacksonRefuses(String json) {
        assertThatThrownBy(() -> JACKSON.readValue(json, Instant.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read(json)).isInstanceOf(JacksonException.class);
    }

    private static Instant read(String json) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), Instant.class);
    }
}
