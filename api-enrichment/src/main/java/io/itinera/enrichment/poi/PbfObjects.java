package io.itinera.enrichment.poi;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import io.itinera.events.trip.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads the tagged objects an importer wants from an OpenStreetMap PBF extract with the OSM-binary reader (osmpbf),
 * each with its position and bounding box. An extract lists nodes, then ways, then relations, and a way or relation
 * only names its members, so the file is read three times: relations (which member ways they need), ways (which nodes
 * they need), then nodes (positions). Only the positions of needed nodes are kept in memory.
 */
final class PbfObjects {

    private final Path file;
    private final Predicate<Map<String, String>> wanted;

    private final Map<Long, Map<String, String>> relationTags = new LinkedHashMap<>();
    private final Map<Long, List<Long>> relationWays = new HashMap<>();
    private final Map<Long, Map<String, String>> wayTags = new LinkedHashMap<>();
    private final Map<Long, long[]> wayNodes = new HashMap<>();
    private final Set<Long> memberWays = new HashSet<>();
    private final Map<Long, Map<String, String>> nodeTags = new LinkedHashMap<>();
    private final Map<Long, GeoPoint> positions = new HashMap<>();

    PbfObjects(Path file, Predicate<Map<String, String>> wanted) {
        this.file = file;
        this.wanted = wanted;
    }

    /** A wanted object: its kind ({@code node}, {@code way}, {@code relation}), id, tags and extent. */
    record OsmObject(String type, long id, Map<String, String> tags, BoundingBox box) {}

    List<OsmObject> read() {
        pass(new Pass() {
            @Override
            protected void parseRelations(List<Osmformat.Relation> relations) {
                for (Osmformat.Relation relation : relations) {
                    Map<String, String> tags = tags(relation.getKeysList(), relation.getValsList());
                    if (wanted.test(tags)) {
                        relationTags.put(relation.getId(), tags);
                        relationWays.put(relation.getId(), memberWays(relation));
                    }
                }
            }
        });
        relationWays.values().forEach(memberWays::addAll);
        pass(new Pass() {
            @Override
            protected void parseWays(List<Osmformat.Way> ways) {
                for (Osmformat.Way way : ways) {
                    Map<String, String> tags = tags(way.getKeysList(), way.getValsList());
                    boolean own = wanted.test(tags);
                    if (own || memberWays.contains(way.getId())) {
                        wayNodes.put(way.getId(), refs(way));
                        if (own) {
                            wayTags.put(way.getId(), tags);
                        }
                    }
                }
            }
        });
        Set<Long> neededNodes = new HashSet<>();
        wayNodes.values().forEach(nodes -> {
            for (long node : nodes) {
                neededNodes.add(node);
            }
        });
        pass(new Pass() {
            @Override
            protected void parseNodes(List<Osmformat.Node> nodes) {
                for (Osmformat.Node node : nodes) {
                    node(
                            node.getId(),
                            parseLat(node.getLat()),
                            parseLon(node.getLon()),
                            tags(node.getKeysList(), node.getValsList()));
                }
            }

            @Override
            protected void parseDense(Osmformat.DenseNodes dense) {
                long id = 0;
                long lat = 0;
                long lon = 0;
                int tag = 0;
                for (int i = 0; i < dense.getIdCount(); i++) {
                    id += dense.getId(i);
                    lat += dense.getLat(i);
                    lon += dense.getLon(i);
                    Map<String, String> tags = new HashMap<>();
                    while (tag < dense.getKeysValsCount() && dense.getKeysVals(tag) != 0) {
                        tags.put(getStringById(dense.getKeysVals(tag)), getStringById(dense.getKeysVals(tag + 1)));
                        tag += 2;
                    }
                    tag++; // the 0 that ends this node's tags
                    node(id, parseLat(lat), parseLon(lon), tags);
                }
            }

            private void node(long id, double lat, double lon, Map<String, String> tags) {
                if (neededNodes.contains(id)) {
                    positions.put(id, new GeoPoint(lat, lon));
                }
                if (wanted.test(tags)) {
                    nodeTags.put(id, tags);
                    positions.put(id, new GeoPoint(lat, lon));
                }
            }
        });
        return objects();
    }

    private List<OsmObject> objects() {
        List<OsmObject> objects = new ArrayList<>();
        // A node's tags and position are stored together (read above), so every tagged node has a position.
        nodeTags.forEach((id, tags) -> objects.add(
                new OsmObject("node", id, tags, BoundingBox.around(Objects.requireNonNull(positions.get(id))))));
        wayTags.forEach((id, tags) -> {
            BoundingBox box = box(wayNodes.getOrDefault(id, new long[0]), null);
            if (box != null) {
                objects.add(new OsmObject("way", id, tags, box));
            }
        });
        relationTags.forEach((id, tags) -> {
            BoundingBox box = null;
            for (long way : relationWays.getOrDefault(id, List.of())) {
                box = box(wayNodes.getOrDefault(way, new long[0]), box);
            }
            if (box != null) {
                objects.add(new OsmObject("relation", id, tags, box));
            }
        });
        return objects;
    }

    private @Nullable BoundingBox box(long[] nodes, @Nullable BoundingBox start) {
        BoundingBox box = start;
        for (long node : nodes) {
            GeoPoint position = positions.get(node);
            if (position != null) {
                box = box == null ? BoundingBox.around(position) : box.including(position.lat(), position.lon());
            }
        }
        return box;
    }

    private static List<Long> memberWays(Osmformat.Relation relation) {
        List<Long> ways = new ArrayList<>();
        long member = 0;
        for (int i = 0; i < relation.getMemidsCount(); i++) {
            member += relation.getMemids(i);
            if (relation.getTypes(i) == Osmformat.Relation.MemberType.WAY) {
                ways.add(member);
            }
        }
        return ways;
    }

    private static long[] refs(Osmformat.Way way) {
        long[] refs = new long[way.getRefsCount()];
        long ref = 0;
        for (int i = 0; i < refs.length; i++) {
            ref += way.getRefs(i);
            refs[i] = ref;
        }
        return refs;
    }

    private void pass(Pass pass) {
        try (InputStream in = Files.newInputStream(file)) {
            new BlockInputStream(in, pass).process();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One reading of the file; each pass overrides the element kinds it needs. */
    private abstract static class Pass extends BinaryParser {

        Map<String, String> tags(List<Integer> keys, List<Integer> values) {
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                tags.put(getStringById(keys.get(i)), getStringById(values.get(i)));
            }
            return tags;
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {}

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {}

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {}

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {}

        @Override
        protected void parse(Osmformat.HeaderBlock header) {}

        @Override
        public void complete() {}
    }
}
