package io.itinera.enrichment.poi;

import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.events.trip.GeoPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The offline-region importer: builds the places of one or more destinations from an OpenStreetMap PBF extract into an
 * operator file ({@code enrichment.pois.file}, CSV). Each wanted object goes to the nearest listed destination whose
 * centre lies within the radius, and is ranked as the live Overpass places are ({@link OsmPlaces}). The command that
 * runs it is {@code api-enrichment/import-osm.sh} (a test-source tool, so the service jar keeps one main class).
 */
public final class OsmImport {

    private OsmImport() {}

    /** The destinations named by comma-separated ids, as destination search knows them (curated and GeoNames). */
    public static List<CatalogDestination> destinations(String ids) {
        DefaultResourceLoader resources = new DefaultResourceLoader();
        Catalog catalog = Catalog.load(resources, "classpath:catalog/");
        Destinations known = Destinations.load(
                catalog.destinations(), resources.getResource("classpath:destinations/world-cities.tsv.gz"));
        List<CatalogDestination> destinations = new ArrayList<>();
        for (String id : ids.split(",")) {
            destinations.add(known.byId(id.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new IllegalArgumentException("unknown destination id '" + id.strip() + "'")));
        }
        return destinations;
    }

    /** The places of each destination, best first, at most {@code limit} each. */
    public static Map<String, List<CatalogPoi>> places(
            Path extract, List<CatalogDestination> destinations, double radiusKm, int limit) {
        Map<String, List<CatalogPoi>> places = new LinkedHashMap<>();
        destinations.forEach(destination -> places.put(destination.id(), new ArrayList<>()));
        for (PbfObjects.OsmObject object : new PbfObjects(extract, OsmPlaces::isCandidate).read()) {
            GeoPoint centre = object.box().centre();
            nearest(destinations, centre, radiusKm)
                    .flatMap(destination -> OsmPlaces.place(
                            destination.id(),
                            object.type(),
                            object.id(),
                            object.tags(),
                            centre,
                            object.box().areaSquareMetres()))
                    .ifPresent(poi -> places.computeIfAbsent(
                                    poi.id().substring(0, poi.id().indexOf('.')), id -> new ArrayList<>())
                            .add(poi));
        }
        places.replaceAll((id, list) -> list.stream()
                .sorted(Comparator.comparingInt(CatalogPoi::popularity)
                        .reversed()
                        .thenComparing(CatalogPoi::name))
                .limit(limit)
                .toList());
        return places;
    }

    private static Optional<CatalogDestination> nearest(
            List<CatalogDestination> destinations, GeoPoint point, double radiusKm) {
        return destinations.stream()
                .filter(destination -> destination.centre().metresTo(point) <= radiusKm * 1000)
                .min(Comparator.comparingDouble(
                        destination -> destination.centre().metresTo(point)));
    }

    /** Writes the operator CSV format that {@link OperatorPoiFile} reads. */
    public static void write(Map<String, List<CatalogPoi>> places, Path output) {
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            out.write(String.join(",", OperatorPoiFile.COLUMNS) + "\n");
            for (Map.Entry<String, List<CatalogPoi>> destination : places.entrySet()) {
                for (CatalogPoi poi : destination.getValue()) {
                    out.write(String.join(
                                    ",",
                                    destination.getKey(),
                                    poi.id(),
                                    Csv.quoted(poi.name()),
                                    poi.category().wireName(),
                                    String.format(
                                            Locale.ROOT, "%.6f", poi.location().lat()),
                                    String.format(
                                            Locale.ROOT, "%.6f", poi.location().lon()),
                                    Integer.toString(poi.visitMinutes()),
                                    Csv.quoted(poi.openingHours().text()),
                                    Boolean.toString(poi.indoor()),
                                    Integer.toString(poi.priceLevel()),
                                    Integer.toString(poi.popularity()))
                            + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
