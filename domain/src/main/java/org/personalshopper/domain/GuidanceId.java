package org.personalshopper.domain;

import java.util.UUID;

public record GuidanceId(UUID value) {
    public GuidanceId {
        Check.requireNonNull(value, "guidanceId");
    }

    public static GuidanceId random() {
        return new GuidanceId(UUID.randomUUID());
    }

    /** Parses an id from a URL or body; anything but a UUID is refused with the field named. */
    public static GuidanceId parse(String field, String text) {
        return new GuidanceId(Check.uuid(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
