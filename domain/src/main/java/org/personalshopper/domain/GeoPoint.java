package org.personalshopper.domain;

/** A point on Earth in degrees. */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidValueException("latLong", "must be a latitude,longitude on Earth");
        }
    }

    /** Parses {@code "39.3063,-84.2789"}. */
    public static GeoPoint parse(String text) {
        Check.present("latLong", text);
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new InvalidValueException("latLong", "must be latitude,longitude");
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("latLong", "must be latitude,longitude");
        }
    }
}
