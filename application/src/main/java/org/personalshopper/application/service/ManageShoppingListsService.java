package org.personalshopper.application.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.personalshopper.application.port.in.LimitReachedException;
import org.personalshopper.application.port.in.ManageShoppingLists;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.out.Clock;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;

/** Shopping lists and their items, within the per-shopper and per-list limits. */
public final class ManageShoppingListsService implements ManageShoppingLists {
    private final ShoppingListRepository lists;
    private final Clock clock;

    public ManageShoppingListsService(ShoppingListRepository lists, Clock clock) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ShoppingList create(CreateList command) {
        Objects.requireNonNull(command, "command");
        if (command.items().size() > ShoppingList.MAX_ITEMS) {
            throw new LimitReachedException("a list holds at most " + ShoppingList.MAX_ITEMS + " items");
        }
        Instant now = clock.now();
        List<ListItem> items = command.items().stream().map(i -> newItem(i, now)).toList();
        ShoppingList list = new ShoppingList(ShoppingListId.random(), command.shopperId(), command.name(), items, now, now);
        if (!lists.createIfFewerThan(list, ShoppingList.MAX_PER_SHOPPER)) {
            throw new LimitReachedException("a shopper keeps at most " + ShoppingList.MAX_PER_SHOPPER + " lists");
        }
        return list;
    }

    @Override
    public List<ShoppingList> lists(ShopperId shopperId) {
        return lists.list(shopperId);
    }

    @Override
    public ShoppingList list(ShopperId shopperId, ShoppingListId listId) {
        return lists.find(shopperId, listId).orElseThrow(() -> new NotFoundException("list"));
    }

    @Override
    public ShoppingList rename(RenameList command) {
        return lists.rename(command.shopperId(), command.listId(), command.name(), clock.now())
                .orElseThrow(() -> new NotFoundException("list"));
    }

    @Override
    public void delete(ShopperId shopperId, ShoppingListId listId) {
        if (!lists.delete(shopperId, listId)) {
            throw new NotFoundException("list");
        }
    }

    @Override
    public ListItem addItem(AddItem command) {
        Instant now = clock.now();
        ListItem item = newItem(command.item(), now);
        switch (lists.addItemIfFewerThan(command.shopperId(), command.listId(), item, ShoppingList.MAX_ITEMS, now)) {
            case ADDED -> {
                return item;
            }
            case LIST_FULL -> throw new LimitReachedException("a list holds at most " + ShoppingList.MAX_ITEMS + " items");
            case NO_SUCH_LIST -> throw new NotFoundException("list");
            default -> throw new IllegalStateException();
        }
    }

    @Override
    public ShoppingList changeItem(ChangeItem command) {
        ShoppingList list = list(command.shopperId(), command.listId());
        ListItem item = list.item(command.itemId()).orElseThrow(() -> new NotFoundException("item"));
        ListItem changed = new ListItem(item.id(), command.text().orElse(item.text()), command.quantity().orElse(item.quantity()),
                command.note().orElse(item.note()), command.checked().orElse(item.checked()), item.createdAt());
        if (!lists.updateItem(command.shopperId(), command.listId(), changed, clock.now())) {
            throw new NotFoundException("item");
        }
        return list(command.shopperId(), command.listId());
    }

    @Override
    public void removeItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId) {
        if (!lists.deleteItem(shopperId, listId, itemId, clock.now())) {
            throw new NotFoundException(lists.find(shopperId, listId).isPresent() ? "item" : "list");
        }
    }

    private static ListItem newItem(NewItem item, Instant now) {
        return new ListItem(ListItemId.random(), item.text(), item.quantity(), item.note(), false, now);
    }
}
