package org.personalshopper.domain;

import java.util.HashSet;
import java.util.List;

/**
 * What a shopper asks to add to their cart: explicit items, or saved selections by id; exactly one of the
 * two, at most {@link CartItem#MAX_ITEMS_PER_ADD}, and no selection named twice.
 */
public record CartRequest(List<CartItem> items, List<SelectionId> selectionIds) {
    public CartRequest {
        items = List.copyOf(Check.present("items", items));
        selectionIds = List.copyOf(Check.present("selectionIds", selectionIds));
        boolean hasItems = !items.isEmpty();
        boolean hasSelections = !selectionIds.isEmpty();
        if (hasItems == hasSelections) {
            throw new InvalidValueException(hasItems ? "selectionIds" : "items", "give either items or selectionIds");
        }
        if (items.size() > CartItem.MAX_ITEMS_PER_ADD) {
            throw new InvalidValueException("items", "must hold 1 to " + CartItem.MAX_ITEMS_PER_ADD + " items");
        }
        if (selectionIds.size() > CartItem.MAX_ITEMS_PER_ADD) {
            throw new InvalidValueException("selectionIds", "must hold 1 to " + CartItem.MAX_ITEMS_PER_ADD + " ids");
        }
        if (new HashSet<>(selectionIds).size() != selectionIds.size()) {
            throw new InvalidValueException("selectionIds", "must not repeat an id");
        }
    }

    /** Whether the shopper's saved selections are to be added (else the explicit items). */
    public boolean bySelections() {
        return !selectionIds.isEmpty();
    }
}
