package io.itinera.generation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class GenerationPropertiesTests {

    @Test
    void applicationYmlSaysWhatTheDocumentedDefaultsSay() throws IOException {
        GenerationProperties bound = binder(Map.of()).bindOrCreate("generation", GenerationProperties.class);

        assertThat(bound).isEqualTo(GenerationProperties.defaults());
    }

    @Test
    void bindsTimesAndDurationsFromTheirUsualText() throws IOException {
        Binder binder = binder(Map.of(
                "generation.lunch.earliest-start", "12:30",
                "generation.lunch.duration", "45m",
                "generation.travel.walking-kmh", "5"));

        GenerationProperties bound = binder.bindOrCreate("generation", GenerationProperties.class);

        assertThat(bound.lunch().earliestStart()).isEqualTo(LocalTime.of(12, 30));
        assertThat(bound.lunch().minutes()).isEqualTo(45);
        assertThat(bound.lunch().latestStart()).isEqualTo(LocalTime.of(14, 0));
        assertThat(bound.dinner()).isEqualTo(GenerationProperties.defaults().dinner());
        assertThat(bound.travel().walkingKmh()).isEqualTo(5.0);
        assertThat(bound.weights()).isEqualTo(GenerationProperties.defaults().weights());
    }

    /** The given settings over the service's own application.yml, as Spring Boot would see them. */
    private static Binder binder(Map<String, String> settings) throws IOException {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(settings));
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(yaml -> ConfigurationPropertySources.from(yaml).forEach(sources::add));
        return new Binder(sources);
    }
}
