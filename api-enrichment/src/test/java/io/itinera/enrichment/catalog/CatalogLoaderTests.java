package io.itinera.enrichment.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class CatalogLoaderTests {

    private static final String LISBON = """
            {"id": "lisbon", "name": "Lisbon", "asciiName": "Lisbon", "alternateNames": ["Lisboa"], "country": "PT",
             "lat": 38.71667, "lon": -9.13333, "population": 517802, "timeZone": "Europe/Lisbon", "currency": "EUR"}""";
    private static final String MONASTERY = """
            {"id": "lisbon.jeronimos-monastery", "name": "Jerónimos Monastery", "category": "history",
             "lat": 38.6979, "lon": -9.2063, "visitMinutes": 90, "openingHours": "Tu-Su 09:30-18:00; PH off",
             "indoor": true, "priceLevel": 2, "popularity": 95}""";

    @TempDir
    Path folder;

    @BeforeEach
    void writeAValidCatalog() throws IOException {
        Files.createDirectories(folder.resolve("pois"));
        write("destinations.json", "[" + LISBON + "]");
        write("pois/lisbon.json", "[" + MONASTERY + "]");
    }

    @Test
    void loadsDestinationsAndPointsOfInterest() {
        // when
        Catalog catalog = load();

        // then
        CatalogDestination lisbon = catalog.destination("lisbon").orElseThrow();
        assertThat(lisbon.alternateNames()).containsExactly("Lisboa");
        assertThat(lisbon.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(lisbon.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(catalog.poisOf(lisbon)).singleElement().satisfies(poi -> {
            assertThat(poi.category()).isEqualTo(Interest.HISTORY);
            assertThat(poi.location()).isEqualTo(new GeoPoint(38.6979, -9.2063));
            assertThat(poi.openingHours().windowsOn(LocalDate.of(2027, 5, 10), Set.of()))
                    .isEmpty();
        });
    }

    @Test
    void alternateNamesAreOptional() throws IOException {
        write("destinations.json", "[" + LISBON.replace("\"alternateNames\": [\"Lisboa\"],", "") + "]");

        assertThat(load().destinations())
                .singleElement()
                .satisfies(d -> assertThat(d.alternateNames()).isEmpty());
    }

    @Test
    void failsWhenAFileIsMissing() throws IOException {
        Files.delete(folder.resolve("pois/lisbon.json"));

        assertThatThrownBy(this::load).hasMessageEndingWith("pois/lisbon.json is missing");
    }

    @Test
    void failsOnAFileThatIsNotJson() throws IOException {
        write("destinations.json", "[{\"id\": ");

        assertThatThrownBy(this::load).hasMessageContaining("destinations.json is not readable JSON");
    }

    @Test
    void failsOnAFileWithoutEntries() throws IOException {
        write("pois/lisbon.json", "[]");

        assertThatThrownBy(this::load).hasMessageContaining("pois/lisbon.json must hold a non-empty JSON array");
    }

    @Test
    void namesTheFileTheEntryAndTheFieldOfAMissingValue() throws IOException {
        write("pois/lisbon.json", "[" + MONASTERY.replace("\"visitMinutes\": 90,", "") + "]");

        assertThatThrownBy(this::load)
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("pois/lisbon.json, entry 1 (lisbon.jeronimos-monastery): 'visitMinutes'");
    }

    @Test
    void refusesAnUnknownCategory() throws IOException {
        write("pois/lisbon.json", "[" + MONASTERY.replace("\"history\"", "\"spa\"") + "]");

        assertThatThrownBy(this::load)
                .hasMessageContaining("(lisbon.jeronimos-monastery): 'category' is invalid: 'spa' is not one of");
    }

    @Test
    void refusesOpeningHoursItCannotEvaluate() throws IOException {
        write(
                "pois/lisbon.json",
                "[" + MONASTERY.replace("Tu-Su 09:30-18:00; PH off", "Tu-Su 10:00-16:00; SH off") + "]");

        assertThatThrownBy(this::load)
                .hasMessageContaining("pois/lisbon.json, entry 1 (lisbon.jeronimos-monastery): 'openingHours'")
                .hasMessageContaining("school holidays");
    }

    @Test
    void refusesValuesOutOfRange() throws IOException {
        write("pois/lisbon.json", "[" + MONASTERY.replace("\"priceLevel\": 2", "\"priceLevel\": 4") + "]");

        assertThatThrownBy(this::load).hasMessageContaining("'priceLevel' must be a whole number from 0 to 3");
    }

    @Test
    void refusesAnUnknownTimeZone() throws IOException {
        write("destinations.json", "[" + LISBON.replace("Europe/Lisbon", "Europe/Atlantis") + "]");

        assertThatThrownBy(this::load)
                .hasMessageContaining("destinations.json, entry 1 (lisbon): 'timeZone' is invalid");
    }

    @Test
    void refusesADuplicateId() throws IOException {
        write("pois/lisbon.json", "[" + MONASTERY + ", " + MONASTERY + "]");

        assertThatThrownBy(this::load)
                .hasMessageContaining("pois/lisbon.json, entry 2 (lisbon.jeronimos-monastery): the id is used twice");
    }

    @Test
    void fixtureCatalogLoads() {
        Catalog catalog = TestCatalogs.load(TestCatalogs.FIXTURE);

        assertThat(catalog.destinations()).hasSize(6);
        assertThat(catalog.poiCount()).isEqualTo(8);
    }

    private Catalog load() {
        return new CatalogLoader(new DefaultResourceLoader(), folder.toUri().toString()).load();
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(folder.resolve(file), content);
    }
}
