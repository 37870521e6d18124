package io.itinera.generation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GenerationPropertiesTests {

    @Test
    void bindsTheDocumentedDefaultsWhenNothingIsSet() {
        Binder binder = new Binder(new MapConfigurationPropertySource());

        GenerationProperties bound = binder.bindOrCreate("generation", GenerationProperties.class);

        assertThat(bound).isEqualTo(GenerationProperties.defaults());
    }

    @Test
    void bindsTimesAndDurationsFromTheirUsualText() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "generation.lunch.earliest-start", "12:30",
                "generation.lunch.duration", "45m",
                "generation.travel.walking-kmh", "5")));

        GenerationProperties bound = binder.bindOrCreate("generation", GenerationProperties.class);

        assertThat(bound.lunch().earliestStart()).isEqualTo(LocalTime.of(12, 30));
        assertThat(bound.lunch().minutes()).isEqualTo(45);
        assertThat(bound.travel().walkingKmh()).isEqualTo(5.0);
        assertThat(bound.weights()).isEqualTo(GenerationProperties.defaults().weights());
    }
}
