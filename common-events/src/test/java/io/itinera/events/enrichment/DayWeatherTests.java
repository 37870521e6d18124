package io.itinera.events.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import io.itinera.events.serde.EventJson;
import org.junit.jupiter.api.Test;

class DayWeatherTests {

    @Test
    void sourcesKeepTheirWireNames() {
        for (DayWeather.Source source : DayWeather.Source.values()) {
            assertThat(EventJson.mapper().writeValueAsString(source)).isEqualTo("\"" + source.wireName() + "\"");
        }
        assertThat(DayWeather.Source.OPEN_METEO.wireName()).isEqualTo("open-meteo");
        assertThat(DayWeather.Source.CLIMATE_NORMALS.wireName()).isEqualTo("climate-normals");
    }
}
