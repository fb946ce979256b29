package org.personalshopper.application.port.in;

import java.util.Objects;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListId;

/**
 * The shopper confirms a product for a list item. The pick is saved as the selection for the item's text,
 * so every later plan of any list reuses it; removing it makes the item plannable again.
 */
public interface ChooseProductForItem {
    record ChooseProduct(ShopperId shopperId, ShoppingListId listId, ListItemId itemId, ProductId productId) {
        public ChooseProduct {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(listId, "listId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(productId, "productId");
        }
    }

    /**
     * @throws NotFoundException when there is no such list or item
     * @throws UnknownProductException when the catalog has no such product
     * @throws ProviderFailedException when the catalog could not be asked
     * @throws LimitReachedException when the shopper keeps as many selections as allowed
     */
    Selection choose(ChooseProduct command);

    /** Forgets the item's pick. @throws NotFoundException when there is no such list, item or pick */
    void forget(ShopperId shopperId, ShoppingListId listId, ListItemId itemId);
}
