package io.itinera.enrichment.poi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.events.trip.GeoPoint;
import io.itinera.events.trip.Interest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/** An operator's own points of interest, as CSV or GeoJSON files: read when valid, refused with file and line when not. */
class OperatorPoiFileTests {

    private static final String HEADER =
            "destinationId,id,name,category,lat,lon,visitMinutes,openingHours,indoor,priceLevel,popularity";
    private static final String TILE_MUSEUM = "lisbon,lisbon.tile-museum,National Tile Museum,art,38.7247,-9.1135,75,"
            + "\"Tu-Su 10:00-18:00; PH off\",true,1,78";
    private static final String RIVERSIDE =
            "Lisbon,lisbon.riverside-walk,\"Riverside Walk, Belém\",viewpoints,38.6937,-9.2043,45,24/7,false,0,60";

    @TempDir
    Path folder;

    @Test
    void readsACsvFileByDestination() throws IOException {
        Map<String, List<CatalogPoi>> pois = load("pois.csv", HEADER, TILE_MUSEUM, "", RIVERSIDE);

        assertThat(pois).containsOnlyKeys("lisbon");
        assertThat(pois.get("lisbon"))
                .extracting(CatalogPoi::id, CatalogPoi::name, CatalogPoi::category)
                .containsExactly(
                        Tuple.tuple("lisbon.tile-museum", "National Tile Museum", Interest.ART),
                        Tuple.tuple("lisbon.riverside-walk", "Riverside Walk, Belém", Interest.VIEWPOINTS));
        CatalogPoi museum = pois.get("lisbon").get(0);
        assertThat(museum.location()).isEqualTo(new GeoPoint(38.7247, -9.1135));
        assertThat(museum.openingHours().windowsOn(LocalDate.of(2027, 4, 25), Set.of(LocalDate.of(2027, 4, 25))))
                .isEmpty();
    }

    @Test
    void readsAGeoJsonFeatureCollection() throws IOException {
        Map<String, List<CatalogPoi>> pois = load("pois.geojson", """
                {"type": "FeatureCollection",
                 "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-9.1135, 38.7247]},
                   "properties": {"destinationId": "lisbon", "id": "lisbon.tile-museum", "name": "National Tile Museum",
                                  "category": "art", "visitMinutes": 75, "openingHours": "Tu-Su 10:00-18:00",
                                  "indoor": true, "priceLevel": 1, "popularity": 78}}]}""");

        assertThat(pois.get("lisbon")).singleElement().satisfies(poi -> {
            assertThat(poi.location()).isEqualTo(new GeoPoint(38.7247, -9.1135));
            assertThat(poi.visitMinutes()).isEqualTo(75);
            assertThat(poi.indoor()).isTrue();
        });
    }

    @Test
    void namesTheFileTheLineAndTheFieldOfABadCsvRow() throws IOException {
        String badCategory = TILE_MUSEUM.replace(",art,", ",museums,");

        assertThatThrownBy(() -> load("pois.csv", HEADER, RIVERSIDE, badCategory))
                .isInstanceOf(InvalidPoiFileException.class)
                .hasMessageContaining("pois.csv, line 3: 'category' is invalid: 'museums' is not one of");
    }

    @Test
    void refusesUnknownDestinationsBadHoursMissingColumnsAndDuplicates() {
        assertThatThrownBy(() -> load("pois.csv", HEADER, TILE_MUSEUM.replace("lisbon,", "atlantis,")))
                .hasMessageContaining("line 2: 'destinationId' names no known destination: 'atlantis'");
        assertThatThrownBy(() -> load("pois.csv", HEADER, TILE_MUSEUM.replace("Tu-Su 10:00-18:00", "sometimes")))
                .hasMessageContaining("line 2: 'openingHours' is invalid");
        assertThatThrownBy(() -> load("pois.csv", HEADER.replace(",popularity", ""), TILE_MUSEUM))
                .hasMessageContaining("line 1: the header lacks the columns [popularity]");
        assertThatThrownBy(() -> load("pois.csv", HEADER, TILE_MUSEUM, TILE_MUSEUM))
                .hasMessageContaining("line 3: the id 'lisbon.tile-museum' is used twice");
        assertThatThrownBy(() -> load("pois.csv", HEADER, TILE_MUSEUM.replace(",75,", ",lots,")))
                .hasMessageContaining("line 2: 'visitMinutes' must be a whole number from 1 to 720, not 'lots'");
    }

    @Test
    void namesTheLineOfABadGeoJsonFeatureOrOfBrokenJson() {
        String feature = """
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-9.1, 38.7]},
                   "properties": {"destinationId": "lisbon", "id": "lisbon.%s", "name": "Place", "category": "art",
                                  "visitMinutes": 30, "openingHours": "24/7", "indoor": false, "priceLevel": 0,
                                  "popularity": %d}}""";
        String collection = "{\"type\": \"FeatureCollection\",\n \"features\": [\n" + feature.formatted("one", 50)
                + ",\n" + feature.formatted("two", 500) + "]}";

        assertThatThrownBy(() -> load("pois.geojson", collection))
                .hasMessageContaining(
                        "pois.geojson, line 7 (feature 2): 'popularity' must be a whole number from 0 to 100");
        assertThatThrownBy(() -> load("pois.geojson", "{\"features\": [\n{\"type\": }]}"))
                .hasMessageContaining("pois.geojson, line 2: not valid JSON");
    }

    private Map<String, List<CatalogPoi>> load(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return OperatorPoiFile.load(new FileSystemResource(file), id -> id.equals("lisbon"));
    }
}
