package org.personalshopper.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;

/** Lists in memory, with the same per-shopper visibility and limits as the database. */
public final class InMemoryShoppingListRepository implements ShoppingListRepository {
    private final Map<ShoppingListId, ShoppingList> lists = new LinkedHashMap<>();
    private final Map<ShoppingListId, String> sent = new HashMap<>();

    @Override
    public synchronized boolean createIfFewerThan(ShoppingList list, int limit) {
        if (lists.values().stream().filter(l -> l.shopperId().equals(list.shopperId())).count() >= limit) {
            return false;
        }
        lists.put(list.id(), list);
        return true;
    }

    @Override
    public synchronized List<ShoppingList> list(ShopperId shopperId) {
        List<ShoppingList> mine = new ArrayList<>(lists.values().stream().filter(l -> l.shopperId().equals(shopperId)).toList());
        mine.sort(Comparator.comparing(ShoppingList::createdAt).reversed());
        return mine;
    }

    @Override
    public synchronized Optional<ShoppingList> find(ShopperId shopperId, ShoppingListId id) {
        return Optional.ofNullable(lists.get(id)).filter(l -> l.shopperId().equals(shopperId));
    }

    @Override
    public synchronized Optional<ShoppingList> rename(ShopperId shopperId, ShoppingListId id, String name, Instant now) {
        return find(shopperId, id).map(l -> put(new ShoppingList(l.id(), l.shopperId(), name, l.items(), l.createdAt(), now)));
    }

    @Override
    public synchronized boolean delete(ShopperId shopperId, ShoppingListId id) {
        sent.remove(id);
        return find(shopperId, id).map(l -> lists.remove(id) != null).orElse(false);
    }

    @Override
    public synchronized ItemAdded addItemIfFewerThan(ShopperId shopperId, ShoppingListId listId, ListItem item, int limit, Instant now) {
        Optional<ShoppingList> list = find(shopperId, listId);
        if (list.isEmpty()) {
            return ItemAdded.NO_SUCH_LIST;
        }
        if (list.get().items().size() >= limit) {
            return ItemAdded.LIST_FULL;
        }
        List<ListItem> items = new ArrayList<>(list.get().items());
        items.add(item);
        put(with(list.get(), items, now));
        return ItemAdded.ADDED;
    }

    @Override
    public synchronized boolean updateItem(ShopperId shopperId, ShoppingListId listId, ListItem item, Instant now) {
        Optional<ShoppingList> list = find(shopperId, listId);
        if (list.isEmpty() || list.get().item(item.id()).isEmpty()) {
            return false;
        }
        put(with(list.get(), list.get().items().stream().map(i -> i.id().equals(item.id()) ? item : i).toList(), now));
        return true;
    }

    @Override
    public synchronized boolean deleteItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId, Instant now) {
        Optional<ShoppingList> list = find(shopperId, listId);
        if (list.isEmpty() || list.get().item(itemId).isEmpty()) {
            return false;
        }
        put(with(list.get(), list.get().items().stream().filter(i -> !i.id().equals(itemId)).toList(), now));
        return true;
    }

    @Override
    public synchronized Optional<SendClaim> claimSend(ShopperId shopperId, ShoppingListId listId, String fingerprint,
                                                      boolean again, Instant now) {
        if (find(shopperId, listId).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> previous = Optional.ofNullable(sent.get(listId));
        if (!again && previous.equals(Optional.of(fingerprint))) {
            return Optional.of(new SendClaim(false, previous));
        }
        sent.put(listId, fingerprint);
        return Optional.of(new SendClaim(true, previous));
    }

    @Override
    public synchronized void releaseSend(ShopperId shopperId, ShoppingListId listId, String fingerprint, Optional<String> previous) {
        if (fingerprint.equals(sent.get(listId))) {
            previous.ifPresentOrElse(p -> sent.put(listId, p), () -> sent.remove(listId));
        }
    }

    private ShoppingList put(ShoppingList list) {
        lists.put(list.id(), list);
        return list;
    }

    private static ShoppingList with(ShoppingList list, List<ListItem> items, Instant now) {
        return new ShoppingList(list.id(), list.shopperId(), list.name(), items, list.createdAt(), now);
    }
}
