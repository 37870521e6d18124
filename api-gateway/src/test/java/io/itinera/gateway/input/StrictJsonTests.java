package io.itinera.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.trip.Pace;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API's JSON reading: as written or refused. */
class StrictJsonTests {

    record Body(String name, Integer count, Pace pace, List<Pace> paces) {}

    private final JsonMapper json = StrictJsonConfiguration.builder().build();

    @Test
    void readsWhatIsWrittenAsWritten() {
        assertThat(json.readValue(
                        "{\"name\":\"Lisbon\",\"count\":2,\"pace\":\"RELAXED\",\"paces\":[\"PACKED\"]}", Body.class))
                .isEqualTo(new Body("Lisbon", 2, Pace.RELAXED, List.of(Pace.PACKED)));
    }

    @Test
    void enumsAreNamesNotIndexes() {
        assertThatThrownBy(() -> json.readValue("{\"pace\":1}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"paces\":[0]}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void scalarsAreNotCoerced() {
        for (String body : List.of(
                "{\"count\":2.7}", "{\"count\":\"2\"}", "{\"count\":true}", "{\"name\":true}", "{\"name\":12}")) {
            assertThatThrownBy(() -> json.readValue(body, Body.class))
                    .as(body)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"name\":\"Lisbon\",\"name\":\"Porto\"}", Body.class))
                .isInstanceOf(StreamReadException.class)
                .hasMessageContaining("Duplicate Object property \"name\"");
    }

    @Test
    void nestingAndLengthsAreBounded() {
        String deep =
                "[".repeat(StrictJsonConfiguration.MAX_DEPTH + 1) + "]".repeat(StrictJsonConfiguration.MAX_DEPTH + 1);
        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
        String longName = "{\"name\":\"" + "x".repeat(StrictJsonConfiguration.MAX_STRING + 1) + "\"}";
        assertThatThrownBy(() -> json.readValue(longName, Body.class)).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void plainTextRefusesControlAndBidiOverrideCharacters() {
        assertThat(PlainTextValidator.isPlain("São Jorge – Lisboa")).isTrue();
        assertThat(PlainTextValidator.isPlain("Lis\u0000bon")).isFalse();
        assertThat(PlainTextValidator.isPlain("Lisbon\n")).isFalse();
        assertThat(PlainTextValidator.isPlain("\u202Enobsil")).isFalse();
        assertThat(PlainTextValidator.isPlain("a\u2066b")).isFalse();
    }
}
