package org.personalshopper.domain;

import java.util.UUID;

public record SelectionId(UUID value) {
    public SelectionId {
        Check.requireNonNull(value, "selectionId");
    }

    public static SelectionId random() {
        return new SelectionId(UUID.randomUUID());
    }

    /** Parses an id from a URL or body; anything but a UUID is refused with the field named. */
    public static SelectionId parse(String field, String text) {
        return new SelectionId(Check.uuid(field, text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
