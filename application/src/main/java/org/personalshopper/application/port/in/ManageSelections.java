package org.personalshopper.application.port.in;

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

/** The products a shopper picked for their shopping-list items: save (one per item, picking again replaces it), list, remove. */
public interface ManageSelections {
    record SaveSelectionCommand(ShopperId shopperId, ShoppingListItem item, ProductId productId, Upc upc,
                                Optional<String> description, Optional<String> brand, Optional<String> size,
                                Quantity quantity) {
        public SaveSelectionCommand {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(upc, "upc");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** The saved selection, and whether it is new (false: it replaced the pick for the same item). */
    record SaveResult(Selection selection, boolean created) {
    }

    /** @throws LimitReachedException when a new item would exceed {@link Selection#MAX_PER_SHOPPER} */
    SaveResult save(SaveSelectionCommand command);

    /** Ordered by item. */
    List<Selection> list(ShopperId shopperId);

    /** @throws NotFoundException when the shopper has no selection with this id */
    void remove(ShopperId shopperId, SelectionId id);
}
