package io.itinera.events.trip;

/** A WGS 84 coordinate in decimal degrees. */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** Great-circle distance in metres (haversine). */
    public double metresTo(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
