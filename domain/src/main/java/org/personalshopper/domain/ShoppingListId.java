package org.personalshopper.domain;

import java.util.UUID;

/** A shopping list's id. */
public record ShoppingListId(UUID value) {
    public ShoppingListId {
        Check.requireNonNull(value, "listId");
    }

    public static ShoppingListId random() {
        return new ShoppingListId(UUID.randomUUID());
    }

    /** Parses an id from a URL or body; anything but a UUID is refused with the field named. */
    public static ShoppingListId parse(String field, String text) {
        try {
            return new ShoppingListId(UUID.fromString(Check.present(field, text)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
