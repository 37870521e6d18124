package io.itinera.enrichment.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class WorldCitiesLoaderTests {

    private static final String LISBON =
            "lisbon\t2267057\tLisbon\tLisbon\tLisboa|Lisbonne\tPT\t14\t38.71667\t-9.13333\t517802\tEurope/Lisbon\tEUR";

    @TempDir
    Path folder;

    @Test
    void readsRowsIntoDestinations() throws IOException {
        var cities = WorldCitiesLoader.load(file("# comment", WorldCitiesLoader.HEADER, LISBON));

        assertThat(cities).singleElement().satisfies(lisbon -> {
            assertThat(lisbon.id()).isEqualTo("lisbon");
            assertThat(lisbon.alternateNames()).containsExactly("Lisboa", "Lisbonne");
            assertThat(lisbon.currency().getCurrencyCode()).isEqualTo("EUR");
        });
    }

    @Test
    void namesTheFileAndLineOfABadRow() throws IOException {
        String badZone = LISBON.replace("Europe/Lisbon", "Europe/Atlantis");

        assertThatThrownBy(() -> WorldCitiesLoader.load(file("# comment", WorldCitiesLoader.HEADER, LISBON, badZone)))
                .hasMessageContaining("cities.tsv.gz")
                .hasMessageContaining("line 4")
                .hasMessageContaining("Europe/Atlantis");
    }

    @Test
    void refusesADuplicateIdAndAMissingHeader() throws IOException {
        assertThatThrownBy(() -> WorldCitiesLoader.load(file(WorldCitiesLoader.HEADER, LISBON, LISBON)))
                .hasMessageContaining("line 3: the id 'lisbon' is used twice");
        assertThatThrownBy(() -> WorldCitiesLoader.load(file(LISBON)))
                .hasMessageContaining("line 1: expected the header");
    }

    private FileSystemResource file(String... lines) throws IOException {
        Path path = folder.resolve("cities.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new FileSystemResource(path);
    }
}
