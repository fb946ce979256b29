package org.personalshopper.domain;

import java.util.Locale;

/**
 * The shopping-list item a selection answers ("milk"): trimmed, 1 to 200 characters. Two items that differ
 * only in case are the same item, so {@link #key()} is what selections are stored under.
 */
public record ShoppingListItem(String name) {
    public ShoppingListItem {
        name = Check.text("item", name, 1, 200);
    }

    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
