package io.itinera.enrichment.poi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.tools.ImportOsm;
import io.itinera.events.trip.Interest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

/**
 * The importer on a small Munich extract that the test writes itself with OSM-binary's writer: a tagged node, a museum
 * drawn as a closed way, a park drawn as a multipolygon relation, and objects that must not become places (an
 * untagged node, a shop, an indoor museum without hours, a castle 40 km away). Its output is read back by the
 * service's own operator-file loader.
 */
class OsmImportTests {

    @TempDir
    Path folder;

    @Test
    void buildsADestinationsPlacesFromAPbfExtractIntoAFileTheServiceReads() throws IOException {
        // given
        Path extract = folder.resolve("munich.osm.pbf");
        writeExtract(extract);
        Path output = folder.resolve("pois.csv");

        // when
        ImportOsm.main(new String[] {extract.toString(), output.toString(), "munich"});

        // then
        Map<String, List<CatalogPoi>> loaded =
                OperatorPoiFile.load(new FileSystemResource(output), id -> id.equals("munich"));
        List<CatalogPoi> munich = loaded.get("munich");
        assertThat(munich)
                .extracting(CatalogPoi::id, CatalogPoi::name, CatalogPoi::category)
                .containsExactly(
                        tuple("munich.osm-relation-900", "English Garden", Interest.NATURE),
                        tuple("munich.osm-way-500", "Deutsches Museum", Interest.CULTURE),
                        tuple("munich.osm-node-10", "Monopteros", Interest.VIEWPOINTS));
        CatalogPoi museum = munich.get(1);
        assertThat(museum.location().lat()).isBetween(48.1290, 48.1316);
        assertThat(museum.location().lon()).isBetween(11.5808, 11.5858);
        assertThat(museum.openingHours().windowsOn(LocalDate.of(2027, 12, 25), Set.of()))
                .isEmpty();
        assertThat(museum.openingHours().windowsOn(LocalDate.of(2027, 12, 27), Set.of()))
                .singleElement()
                .hasToString("TimeWindow[open=09:00, close=17:00]");
        assertThat(munich.get(0).popularity())
                .as("a park of several square kilometres with Wikidata and Wikipedia entries")
                .isGreaterThan(museum.popularity());
    }

    /** Nodes, ways, then relations, as in a real extract; plain (not dense) nodes keep the test readable. */
    private static void writeExtract(Path file) throws IOException {
        Strings strings = new Strings();
        Osmformat.PrimitiveGroup.Builder nodes = Osmformat.PrimitiveGroup.newBuilder();
        nodes.addNodes(node(strings, 10, 48.1497611, 11.5941433, "name", "Monopteros", "tourism", "viewpoint"));
        nodes.addNodes(node(strings, 11, 48.1500, 11.5800)); // a way's node, no tags
        nodes.addNodes(node(strings, 12, 48.1372, 11.5755, "name", "Kaufhaus", "shop", "department_store"));
        nodes.addNodes(node(strings, 13, 48.1440, 11.5885, "name", "Sammlung Schack", "tourism", "museum"));
        nodes.addNodes(node(strings, 14, 47.8000, 11.3000, "name", "Schloss Weit Weg", "historic", "castle"));
        double[][] museum = {
            {48.1289402, 11.5808146}, {48.1289402, 11.5857393}, {48.1316711, 11.5857393}, {48.1316711, 11.5808146}
        };
        double[][] garden = {
            {48.1431027, 11.5845532}, {48.1431027, 11.6125741}, {48.1882146, 11.6125741}, {48.1882146, 11.5845532}
        };
        for (int i = 0; i < 4; i++) {
            nodes.addNodes(node(strings, 100 + i, museum[i][0], museum[i][1]));
            nodes.addNodes(node(strings, 200 + i, garden[i][0], garden[i][1]));
        }
        Osmformat.PrimitiveGroup.Builder ways = Osmformat.PrimitiveGroup.newBuilder();
        ways.addWays(way(
                strings,
                500,
                new long[] {100, 101, 102, 103, 100},
                "name",
                "Deutsches Museum",
                "tourism",
                "museum",
                "opening_hours",
                "Mo-Su 09:00-17:00; Dec 24,Dec 25,Dec 31,Jan 01 off",
                "wikidata",
                "Q157999"));
        ways.addWays(way(strings, 600, new long[] {200, 201, 202, 203, 200}));
        Osmformat.PrimitiveGroup.Builder relations = Osmformat.PrimitiveGroup.newBuilder();
        relations.addRelations(Osmformat.Relation.newBuilder()
                .setId(900)
                .addMemids(600)
                .addTypes(Osmformat.Relation.MemberType.WAY)
                .addRolesSid(strings.id("outer"))
                .addAllKeys(strings.ids("type", "leisure", "name", "name:en", "wikidata", "wikipedia"))
                .addAllVals(strings.ids(
                        "multipolygon",
                        "park",
                        "Englischer Garten",
                        "English Garden",
                        "Q131589",
                        "de:Englischer Garten")));

        Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder()
                .setStringtable(strings.table())
                .addPrimitivegroup(nodes)
                .addPrimitivegroup(ways)
                .addPrimitivegroup(relations)
                .build();
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6")
                .setWritingprogram("itinera-test")
                .build();
        try (OutputStream out = Files.newOutputStream(file);
                BlockOutputStream blocks = new BlockOutputStream(out)) {
            blocks.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
            blocks.write(FileBlock.newInstance("OSMData", block.toByteString(), null));
        }
    }

    private static Osmformat.Node node(Strings strings, long id, double lat, double lon, String... tags) {
        Osmformat.Node.Builder node = Osmformat.Node.newBuilder()
                .setId(id)
                .setLat(Math.round(lat / 1e-7)) // default granularity: 100 nanodegrees
                .setLon(Math.round(lon / 1e-7));
        for (int i = 0; i < tags.length; i += 2) {
            node.addKeys(strings.id(tags[i])).addVals(strings.id(tags[i + 1]));
        }
        return node.build();
    }

    private static Osmformat.Way way(Strings strings, long id, long[] refs, String... tags) {
        Osmformat.Way.Builder way = Osmformat.Way.newBuilder().setId(id);
        long previous = 0;
        for (long ref : refs) {
            way.addRefs(ref - previous); // delta-coded
            previous = ref;
        }
        for (int i = 0; i < tags.length; i += 2) {
            way.addKeys(strings.id(tags[i])).addVals(strings.id(tags[i + 1]));
        }
        return way.build();
    }

    /** The block's string table; entry 0 is reserved. */
    private static final class Strings {
        private final Map<String, Integer> ids = new LinkedHashMap<>(Map.of("", 0));

        int id(String value) {
            return ids.computeIfAbsent(value, v -> ids.size());
        }

        List<Integer> ids(String... values) {
            List<Integer> list = new ArrayList<>();
            for (String value : values) {
                list.add(id(value));
            }
            return list;
        }

        Osmformat.StringTable table() {
            Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
            ids.keySet().forEach(value -> table.addS(ByteString.copyFromUtf8(value)));
            return table.build();
        }
    }
}
