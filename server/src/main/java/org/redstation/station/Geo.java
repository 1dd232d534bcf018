package org.redstation.station;

/** Great-circle distance on the WGS-84 / GCJ-02 sphere (good to a metre at city scale). */
public final class Geo {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {
    }

    public static int distanceMeters(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return (int) Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a))));
    }
}
