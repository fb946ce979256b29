package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;

/**
 * The shoppers' lists and their items. Every method takes the shopper's id and touches only that shopper's
 * lists: another shopper's list id behaves exactly like an unknown one (empty or false).
 */
public interface ShoppingListRepository {
    /** Stores a new list (with its items) unless the shopper already keeps {@code limit}; atomic per shopper. */
    boolean createIfFewerThan(ShoppingList list, int limit);

    /** The shopper's lists, newest first, each with its items in the order they were added. */
    List<ShoppingList> list(ShopperId shopperId);

    Optional<ShoppingList> find(ShopperId shopperId, ShoppingListId id);

    /** Renames the list; empty when the shopper has no such list. */
    Optional<ShoppingList> rename(ShopperId shopperId, ShoppingListId id, String name, Instant now);

    boolean delete(ShopperId shopperId, ShoppingListId id);

    /** What adding an item came to. */
    enum ItemAdded { ADDED, NO_SUCH_LIST, LIST_FULL }

    /** Adds the item at the end unless the list already holds {@code limit}; atomic per list. */
    ItemAdded addItemIfFewerThan(ShopperId shopperId, ShoppingListId listId, ListItem item, int limit, Instant now);

    /** Replaces the item's text, quantity, note and checked mark; false when there is no such item on the list. */
    boolean updateItem(ShopperId shopperId, ShoppingListId listId, ListItem item, Instant now);

    boolean deleteItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId, Instant now);

    /** The outcome of {@link #claimSend}: whether this send may go ahead, and the fingerprint it replaced. */
    record SendClaim(boolean claimed, Optional<String> previous) {
    }

    /**
     * Atomically records that the list's cart items with this fingerprint are being sent. Refused (not claimed)
     * when the same fingerprint was the last one sent, unless {@code again}. Empty when there is no such list.
     */
    Optional<SendClaim> claimSend(ShopperId shopperId, ShoppingListId listId, String fingerprint, boolean again, Instant now);

    /** Undoes a claim whose send certainly failed, so the unchanged list may be sent again. */
    void releaseSend(ShopperId shopperId, ShoppingListId listId, String fingerprint, Optional<String> previous);
}
