package io.itinera.enrichment.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter that regenerates the shipped world-city resource from a GeoNames dump. */
class WorldCitiesConverterTests {

    private static final String DUMP = String.join(
            "\n",
            row(
                    "2267057",
                    "Lisbon",
                    "Lisbon",
                    "LIS,Lisboa,Lisbonne,lisbxn,Лиссабон",
                    "PPLC",
                    "PT",
                    "517802",
                    "Europe/Lisbon"),
            row("2988507", "Paris", "Paris", "Lutetia,Parigi", "PPLC", "FR", "2138551", "Europe/Paris"),
            row("4717560", "Paris", "Paris", "", "PPLA2", "US", "200000", "America/Chicago"),
            row("4717561", "Paris", "Paris", "", "PPL", "US", "180000", "America/New_York"),
            row("9999999", "Small Town", "Small Town", "", "PPL", "PT", "1200", "Europe/Lisbon"),
            row("8888888", "Old Quarter", "Old Quarter", "", "PPLX", "PT", "900000", "Europe/Lisbon"));

    @TempDir
    Path folder;

    @Test
    void keepsBigPlacesWithIdsCurrenciesAndLatinAlternateNames() throws IOException {
        // given
        Path dump = folder.resolve("cities500.txt");
        Files.writeString(dump, DUMP, StandardCharsets.UTF_8);
        Path out = folder.resolve("out/world-cities.tsv.gz");

        // when
        WorldCitiesConverter.main(new String[] {dump.toString(), out.toString()});

        // then
        List<String> lines = gunzip(out);
        assertThat(lines.get(0)).startsWith("# Cities from the GeoNames gazetteer");
        assertThat(lines.get(1)).isEqualTo(WorldCitiesConverter.HEADER);
        assertThat(lines.subList(2, lines.size()))
                .extracting(line -> line.split("\t")[0])
                .containsExactly("paris", "lisbon", "paris-us", "paris-us-4717561");
        String[] lisbon = lines.stream()
                .filter(line -> line.startsWith("lisbon\t"))
                .findFirst()
                .orElseThrow()
                .split("\t");
        assertThat(lisbon[4]).isEqualTo("Lisboa|Lisbonne");
        assertThat(lisbon[10]).isEqualTo("Europe/Lisbon");
        assertThat(lisbon[11]).isEqualTo("EUR");
    }

    @Test
    void slugsDropAccentsAndPunctuation() {
        assertThat(WorldCitiesConverter.slug("São Paulo")).isEqualTo("sao-paulo");
        assertThat(WorldCitiesConverter.slug("Val-d'Or ")).isEqualTo("val-d-or");
    }

    private static String row(
            String id,
            String name,
            String ascii,
            String alternates,
            String feature,
            String country,
            String population,
            String zone) {
        return String.join(
                "\t",
                id,
                name,
                ascii,
                alternates,
                "38.7",
                "-9.1",
                "P",
                feature,
                country,
                "",
                "01",
                "",
                "",
                "",
                population,
                "",
                "50",
                zone,
                "2023-01-01");
    }

    private static List<String> gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
