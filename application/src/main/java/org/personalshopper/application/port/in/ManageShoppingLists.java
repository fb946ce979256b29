package org.personalshopper.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ShoppingListItem;

/**
 * A shopper's shopping lists and their items. Another shopper's list or item is answered as not found.
 * Limits: {@link ShoppingList#MAX_PER_SHOPPER} lists, {@link ShoppingList#MAX_ITEMS} items a list.
 */
public interface ManageShoppingLists {
    record NewItem(ShoppingListItem text, Quantity quantity, Optional<String> note) {
        public NewItem {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(note, "note");
        }
    }

    record CreateList(ShopperId shopperId, String name, List<NewItem> items) {
        public CreateList {
            Objects.requireNonNull(shopperId, "shopperId");
            name = ShoppingList.name(name);
            items = List.copyOf(items);
        }
    }

    record RenameList(ShopperId shopperId, ShoppingListId listId, String name) {
        public RenameList {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(listId, "listId");
            name = ShoppingList.name(name);
        }
    }

    record AddItem(ShopperId shopperId, ShoppingListId listId, NewItem item) {
        public AddItem {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(listId, "listId");
            Objects.requireNonNull(item, "item");
        }
    }

    /** Only the parts given change; {@code note} present and empty removes the note. */
    record ChangeItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId, Optional<ShoppingListItem> text,
                      Optional<Quantity> quantity, Optional<Optional<String>> note, Optional<Boolean> checked) {
        public ChangeItem {
            Objects.requireNonNull(shopperId, "shopperId");
            Objects.requireNonNull(listId, "listId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(checked, "checked");
        }
    }

    /** @throws LimitReachedException past {@link ShoppingList#MAX_PER_SHOPPER} lists or too many items */
    ShoppingList create(CreateList command);

    /** Newest first. */
    List<ShoppingList> lists(ShopperId shopperId);

    /** @throws NotFoundException when the shopper has no such list */
    ShoppingList list(ShopperId shopperId, ShoppingListId listId);

    /** @throws NotFoundException when the shopper has no such list */
    ShoppingList rename(RenameList command);

    /** @throws NotFoundException when the shopper has no such list */
    void delete(ShopperId shopperId, ShoppingListId listId);

    /** The item, added at the end of the list. @throws LimitReachedException when the list is full */
    ListItem addItem(AddItem command);

    /** The list with the item changed. @throws NotFoundException when there is no such list or item */
    ShoppingList changeItem(ChangeItem command);

    /** @throws NotFoundException when there is no such list or item */
    void removeItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId);
}
