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
        try {
            return new SelectionId(UUID.fromString(Check.present(field, text)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
