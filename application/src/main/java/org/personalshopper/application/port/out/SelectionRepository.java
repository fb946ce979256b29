package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

public interface SelectionRepository {
    /** Where a save landed: a new selection, or one that replaced the pick for the same item. */
    record Saved(Selection selection, boolean created) {
    }

    /**
     * What a shopper picked for an item at a time, before it has an id: the texts follow the selection's
     * rules ({@link Selection#optionalText}). {@link #as} makes it the selection it becomes.
     */
    record Pick(ShopperId shopperId, ShoppingListItem item, ProductId productId, Upc upc, Optional<String> description,
                Optional<String> brand, Optional<String> size, Quantity quantity, Instant at) {
        public Pick {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(upc, "upc");
            description = Selection.optionalText("description", description, Selection.MAX_DESCRIPTION);
            brand = Selection.optionalText("brand", brand, Selection.MAX_BRAND);
            size = Selection.optionalText("size", size, Selection.MAX_SIZE);
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(at, "at");
        }

        /** The new selection this pick makes under {@code id}, created and updated at its time. */
        public Selection as(SelectionId id) {
            return new Selection(id, shopperId, item, productId, upc, description, brand, size, quantity, at, at);
        }

        /** What {@code selection} writes when it replaces a pick. */
        public static Pick of(Selection selection) {
            return new Pick(selection.shopperId(), selection.item(), selection.productId(), selection.upc(),
                    selection.description(), selection.brand(), selection.size(), selection.quantity(), selection.updatedAt());
        }
    }

    /**
     * Replaces the shopper's pick for the item of {@code pick} (case-insensitive key), keeping its id and
     * creation time; empty, and nothing written, when the shopper has no pick for that item. The common
     * save, without the new id (a {@code SecureRandom} draw) and the limit a creation needs.
     */
    Optional<Selection> replace(Pick pick);

    /**
     * Saves the pick for its item (case-insensitive key): replaces the shopper's earlier pick for that item,
     * keeping its id and creation time, or creates a new one unless the shopper already keeps {@code limit}
     * selections (then empty). Atomic per shopper, so concurrent saves cannot go past the limit. It may lock
     * the shopper for that: callers try {@link #replace} first, which needs no lock and no new id.
     */
    Optional<Saved> save(Selection selection, int limit);

    /** The shopper's selections ordered by item key. */
    List<Selection> list(ShopperId shopperId);

    /** Those of {@code ids} that belong to the shopper. */
    List<Selection> find(ShopperId shopperId, Collection<SelectionId> ids);

    int count(ShopperId shopperId);

    boolean delete(ShopperId shopperId, SelectionId id);
}
