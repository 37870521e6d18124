package io.itinera.enrichment.tools;

import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.poi.OsmImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command behind {@code api-enrichment/import-osm.sh}: builds an operator file of places from an OpenStreetMap PBF
 * extract. A test source, like the other build-time tools, so that the service jar keeps a single main class.
 *
 * <pre>
 * ImportOsm &lt;extract.osm.pbf&gt; &lt;output.csv&gt; &lt;destination id&gt;[,...] [radius km, 15] [places per destination, 200]
 * </pre>
 */
public final class ImportOsm {

    static final String USAGE =
            "usage: import-osm.sh <extract.osm.pbf> <output.csv> <destination id>[,<destination id>...]"
                    + " [radius km, default 15] [places per destination, default 200]";

    private ImportOsm() {}

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 5) {
            System.err.println(USAGE);
            System.exit(2);
        }
        double radiusKm = args.length > 3 ? Double.parseDouble(args[3]) : 15;
        int limit = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        Map<String, List<CatalogPoi>> places =
                OsmImport.places(Path.of(args[0]), OsmImport.destinations(args[2]), radiusKm, limit);
        OsmImport.write(places, Path.of(args[1]));
        places.forEach((id, list) -> System.out.printf("%s: %d places%n", id, list.size()));
    }
}
