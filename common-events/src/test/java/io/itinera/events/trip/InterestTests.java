package io.itinera.events.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.itinera.events.serde.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InterestTests {

    @ParameterizedTest
    @EnumSource(Interest.class)
    void readsBackTheNameItWritesOnTheWire(Interest interest) {
        String json = EventJson.mapper().writeValueAsString(interest);

        assertThat(json).isEqualTo("\"" + interest.wireName() + "\"");
        assertThat(Interest.fromWireName(interest.wireName())).isEqualTo(interest);
    }

    @Test
    void rejectsAWordOutsideTheVocabularyAndNamesIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Interest.fromWireName("Viewpoints"))
                .withMessageStartingWith("'Viewpoints' is not one of [architecture, art,");
    }
}
