package io.itinera.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.enrichment.DayWindows;
import io.itinera.events.enrichment.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class IsoLocalTimesTests {

    /** Jackson's own java.time readers, for comparison. */
    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void readsWhatEventsWriteAsJacksonWould() {
        // given windows as every event writes them
        DayWindows windows = new DayWindows(
                LocalDate.of(2027, 5, 10),
                List.of(
                        new TimeWindow(LocalTime.of(9, 0), LocalTime.of(12, 30)),
                        new TimeWindow(LocalTime.of(14, 0, 15), LocalTime.of(23, 59))));
        byte[] json = EventJson.mapper().writeValueAsBytes(windows);

        // when / then
        assertThat(EventJson.read(json, DayWindows.class))
                .isEqualTo(windows)
                .isEqualTo(JACKSON.readValue(json, DayWindows.class));
    }

    @Test
    void writesDatesAndTimesAsJacksonDoes() {
        // given every time of day to the second, with and without fractions, and dates across the 4-digit years
        List<Object> values = new ArrayList<>();
        for (int second = 0; second < 24 * 3600; second += 7) {
            values.add(LocalTime.ofSecondOfDay(second));
        }
        values.addAll(List.of(
                LocalTime.MIDNIGHT,
                LocalTime.MAX,
                LocalTime.of(9, 0, 0, 250_000_000),
                LocalTime.of(9, 0, 0, 1),
                LocalDate.MIN,
                LocalDate.MAX,
                LocalDate.of(0, 1, 1),
                LocalDate.of(-1, 12, 31),
                LocalDate.of(9999, 12, 31),
                LocalDate.of(10000, 1, 1)));
        for (LocalDate date = LocalDate.of(2024, 1, 1); date.getYear() < 2029; date = date.plusDays(3)) {
            values.add(date);
        }

        for (Object value : values) {
            // when / then
            assertThat(EventJson.mapper().writeValueAsString(value))
                    .as("%s", value)
                    .isEqualTo(JACKSON.writeValueAsString(value));
        }
        assertThat(IsoLocalTimes.format(LocalTime.of(9, 5, 7))).isEqualTo("09:05:07");
        assertThat(IsoLocalTimes.format(LocalDate.of(2027, 5, 10))).isEqualTo("2027-05-10");
        // anything else is left to Jackson's own writer
        assertThat(IsoLocalTimes.format(LocalTime.of(9, 5, 7, 1))).isNull();
        assertThat(IsoLocalTimes.format(LocalDate.of(10000, 1, 1))).isNull();
    }

    @Test
    void parsesTheShapesEventsAreWrittenInItself() {
        assertThat(EventJson.mapper().registeredModules())
                .anyMatch(module -> module.getRegistrationId().equals("itinera-iso-local-times"));
        assertThat(IsoLocalTimes.time("09:05:07")).isEqualTo(LocalTime.of(9, 5, 7));
        assertThat(IsoLocalTimes.time("23:59")).isEqualTo(LocalTime.of(23, 59));
        assertThat(IsoLocalTimes.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        // anything else is left to Jackson's own reader
        assertThat(IsoLocalTimes.time("09:05:07.250")).isNull();
        assertThat(IsoLocalTimes.time("24:00")).isNull();
        assertThat(IsoLocalTimes.date("2027-02-29")).isNull();
        assertThat(IsoLocalTimes.date("+12027-05-10")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"00:00\"",
                "\"23:59\"",
                "\"23:59:59\"",
                "\"09:05:07\"",
                "\"09:05:07.250\"",
                "\"09:05:07.123456789\"",
            })
    void readsEveryIsoTimeAsJacksonDoes(String json) {
        assertThat(read(json, LocalTime.class)).isEqualTo(JACKSON.readValue(json, LocalTime.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\"2027-05-10\"", "\"2024-02-29\"", "\"0001-01-01\"", "\"2027-05-10T10:15:30\"", "[2027,5,10]"})
    void readsEveryDateAsJacksonDoes(String json) {
        assertThat(read(json, LocalDate.class)).isEqualTo(JACKSON.readValue(json, LocalDate.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"24:00\"", "\"12:60\"", "\"12:30:60\"", "\"1:30\"", "\"12-30\"", "\"ab:cd\""})
    void refusesTimesJacksonRefuses(String json) {
        assertThatThrownBy(() -> JACKSON.readValue(json, LocalTime.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read(json, LocalTime.class)).isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2027-02-29\"", "\"2027-13-01\"", "\"2027-00-10\"", "\"2027/05/10\"", "\"20270510\""})
    void refusesDatesJacksonRefuses(String json) {
        assertThatThrownBy(() -> JACKSON.readValue(json, LocalDate.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> read(json, LocalDate.class)).isInstanceOf(JacksonException.class);
    }

    private static <T> T read(String json, Class<T> type) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
