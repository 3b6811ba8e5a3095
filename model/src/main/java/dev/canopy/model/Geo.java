package dev.canopy.model;

/** A location in degrees. */
public record Geo(double lat, double lon) {

    /** Great-circle distance in kilometres. */
    public double distanceKm(Geo other) {
        double r = 6371.0;
        double p1 = Math.toRadians(lat);
        double p2 = Math.toRadians(other.lat);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.lon - lon);
        double h =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
