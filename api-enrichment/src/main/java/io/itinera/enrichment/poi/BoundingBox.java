package io.itinera.enrichment.poi;

import io.itinera.events.trip.GeoPoint;

/** The bounding box of an OpenStreetMap way or relation: its middle stands for its position, its area for its size. */
record BoundingBox(double minLat, double minLon, double maxLat, double maxLon) {

    private static final double METRES_PER_DEGREE = 111_320;

    static BoundingBox around(GeoPoint point) {
        return new BoundingBox(point.lat(), point.lon(), point.lat(), point.lon());
    }

    BoundingBox including(double lat, double lon) {
        return new BoundingBox(
                Math.min(minLat, lat), Math.min(minLon, lon), Math.max(maxLat, lat), Math.max(maxLon, lon));
    }

    GeoPoint centre() {
        return new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    /** Square metres, equirectangular: fine at the scale of a park or a palace. */
    double areaSquareMetres() {
        double height = (maxLat - minLat) * METRES_PER_DEGREE;
        double width = (maxLon - minLon) * METRES_PER_DEGREE * Math.cos(Math.toRadians((minLat + maxLat) / 2));
        return Math.abs(height * width);
    }
}
