package org.personalshopper.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a shopping list: what the shopper wrote ("2% milk"), how many, an optional note for
 * themselves, and whether it is checked off (done).
 */
public record ListItem(ListItemId id, ShoppingListItem text, Quantity quantity, Optional<String> note, boolean checked,
                       Instant createdAt) {
    public static final int MAX_NOTE = 200;

    public ListItem {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(text, "text");
        Check.requireNonNull(quantity, "quantity");
        note = note(note);
        Check.requireNonNull(createdAt, "createdAt");
    }

    /** A note as a shopper may write it: trimmed, at most {@value #MAX_NOTE} characters; blank means none. */
    public static Optional<String> note(Optional<String> note) {
        Check.requireNonNull(note, "note");
        return note.map(n -> Check.text("note", n, 0, MAX_NOTE)).filter(n -> !n.isEmpty());
    }
}
