package org.personalshopper.domain;

import java.util.UUID;

/** One item's id on a shopping list. */
public record ListItemId(UUID value) {
    public ListItemId {
        Check.requireNonNull(value, "itemId");
    }

    public static ListItemId random() {
        return new ListItemId(UUID.randomUUID());
    }

    /** Parses an id from a URL or body; anything but a UUID is refused with the field named. */
    public static ListItemId parse(String field, String text) {
        try {
            return new ListItemId(UUID.fromString(Check.present(field, text)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
