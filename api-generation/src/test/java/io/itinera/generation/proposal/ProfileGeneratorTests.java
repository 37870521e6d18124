package io.itinera.generation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The shipped proposal resources must be what the generator derives from api-enrichment's catalog today. When this
 * fails, regenerate them: {@code mvn -pl api-generation test -Dtest=ProfileGeneratorTests -Dprofiles.update=true}.
 */
class ProfileGeneratorTests {

    private static final Path ENRICHMENT = Path.of("../api-enrichment/src/main/resources");
    private static final Path SHIPPED = Path.of("src/main/resources/proposals");

    @Test
    void shippedProfilesMatchTheEnrichmentCatalog() throws IOException {
        String expected = ProfileGenerator.profiles(ENRICHMENT);
        if (Boolean.getBoolean("profiles.update")) {
            Files.writeString(SHIPPED.resolve(DestinationProfiles.PROFILES), expected);
        }

        assertThat(Files.readString(SHIPPED.resolve(DestinationProfiles.PROFILES)))
                .as("destination profiles are stale: regenerate them (see the class comment)")
                .isEqualTo(expected);
    }

    @Test
    void shippedOriginsMatchTheWorldCities() throws IOException {
        String expected = ProfileGenerator.origins(ENRICHMENT);
        if (Boolean.getBoolean("profiles.update")) {
            Files.write(SHIPPED.resolve(DestinationProfiles.ORIGINS), ProfileGenerator.gzip(expected));
        }

        byte[] shipped = Files.readAllBytes(SHIPPED.resolve(DestinationProfiles.ORIGINS));
        String text = new String(
                new GZIPInputStream(new ByteArrayInputStream(shipped)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text)
                .as("origins are stale: regenerate them (see the class comment)")
                .isEqualTo(expected);
    }

    @Test
    void everyCuratedDestinationHasAProfileWithTwelveMonthsOfClimate() {
        DestinationProfiles profiles = DestinationProfiles.load();

        assertThat(profiles.destinations()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(profiles.destinations()).allSatisfy(d -> {
            assertThat(d.climate()).hasSize(12);
            assertThat(d.interests()).isNotEmpty();
        });
        assertThat(profiles.origin("Zürich")).isPresent();
        assertThat(profiles.origin("zurich").get().country()).isEqualTo("CH");
    }
}
