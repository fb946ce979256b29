package org.personalshopper.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A shopper's named shopping list and its items, in the order they were added. A shopper keeps at most
 * {@link #MAX_PER_SHOPPER} lists, a list at most {@link #MAX_ITEMS} items.
 */
public record ShoppingList(ShoppingListId id, ShopperId shopperId, String name, List<ListItem> items, Instant createdAt,
                           Instant updatedAt) {
    public static final int MAX_PER_SHOPPER = 50;
    public static final int MAX_ITEMS = CartItem.MAX_ITEMS_PER_ADD;
    public static final int MAX_NAME = 100;

    public ShoppingList {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(shopperId, "shopperId");
        name = name(name);
        Check.requireNonNull(items, "items");
        items = List.copyOf(items);
        Check.requireNonNull(createdAt, "createdAt");
        Check.requireNonNull(updatedAt, "updatedAt");
    }

    /** A list name as a shopper may write it: trimmed, 1 to {@value #MAX_NAME} characters. */
    public static String name(String name) {
        return Check.text("name", name, 1, MAX_NAME);
    }

    public Optional<ListItem> item(ListItemId itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** The items still to buy: a checked item is done, so it is neither planned nor sent to the cart. */
    public List<ListItem> openItems() {
        return items.stream().filter(i -> !i.checked()).toList();
    }
}
