package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPING_LIST;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPING_LIST_ITEM;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record1;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShoppingListItemRecord;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShoppingListRecord;
import org.personalshopper.application.port.out.ShoppingListRepository;
import org.personalshopper.domain.ListItem;
import org.personalshopper.domain.ListItemId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingList;
import org.personalshopper.domain.ShoppingListId;
import org.personalshopper.domain.ShoppingListItem;

/**
 * Lists and items in two tables. Every statement names the shopper, so another shopper's list id finds
 * nothing. Limit checks run with a row locked (the shopper's for lists, the list's for items), so concurrent
 * writers stop exactly at the limit.
 */
final class JooqShoppingListRepository implements ShoppingListRepository {
    private final JooqTransactions transactions;
    private final ShopperLocks locks;

    JooqShoppingListRepository(JooqTransactions transactions, ShopperLocks locks) {
        this.transactions = transactions;
        this.locks = locks;
    }

    @Override
    public boolean createIfFewerThan(ShoppingList list, int limit) {
        return transactions.inTransaction(() -> {
            locks.lock(list.shopperId());
            if (transactions.current().fetchCount(SHOPPING_LIST, SHOPPING_LIST.SHOPPER_ID.eq(list.shopperId().value())) >= limit) {
                return false;
            }
            transactions.current().insertInto(SHOPPING_LIST)
                    .set(SHOPPING_LIST.ID, list.id().value())
                    .set(SHOPPING_LIST.SHOPPER_ID, list.shopperId().value())
                    .set(SHOPPING_LIST.NAME, list.name())
                    .set(SHOPPING_LIST.CREATED_AT, Rows.utc(list.createdAt()))
                    .set(SHOPPING_LIST.UPDATED_AT, Rows.utc(list.updatedAt()))
                    .execute();
            list.items().forEach(item -> insertItem(list.id(), item));
            return true;
        });
    }

    @Override
    public List<ShoppingList> list(ShopperId shopperId) {
        return transactions.inTransaction(() -> {
            List<ShoppingListRecord> rows = transactions.current().selectFrom(SHOPPING_LIST)
                    .where(SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()))
                    .orderBy(SHOPPING_LIST.CREATED_AT.desc(), SHOPPING_LIST.SEQ.desc())
                    .fetch();
            Map<UUID, List<ListItem>> items = new LinkedHashMap<>();
            rows.forEach(r -> items.put(r.getId(), new ArrayList<>()));
            if (!rows.isEmpty()) {
                transactions.current().selectFrom(SHOPPING_LIST_ITEM)
                        .where(SHOPPING_LIST_ITEM.LIST_ID.in(items.keySet()))
                        .orderBy(SHOPPING_LIST_ITEM.SEQ)
                        .forEach(row -> items.get(row.getListId())
                                .add(Rows.read(SHOPPING_LIST_ITEM.getName(), row, JooqShoppingListRepository::item)));
            }
            // one read over all the lists' records: nothing allocated per row for the check
            return Rows.read(SHOPPING_LIST.getName(), rows,
                    records -> records.stream().map(r -> list(r, items.get(r.getId()))).toList());
        });
    }

    @Override
    public Optional<ShoppingList> find(ShopperId shopperId, ShoppingListId id) {
        return transactions.inTransaction(() -> transactions.current().selectFrom(SHOPPING_LIST)
                .where(SHOPPING_LIST.ID.eq(id.value()), SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()))
                .fetchOptional()
                .map(row -> Rows.read(SHOPPING_LIST.getName(), row, found -> list(found, items(id)))));
    }

    @Override
    public Optional<ShoppingList> rename(ShopperId shopperId, ShoppingListId id, String name, Instant now) {
        return transactions.inTransaction(() -> {
            int changed = transactions.current().update(SHOPPING_LIST)
                    .set(SHOPPING_LIST.NAME, name)
                    .set(SHOPPING_LIST.UPDATED_AT, Rows.utc(now))
                    .where(SHOPPING_LIST.ID.eq(id.value()), SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()))
                    .execute();
            return changed == 1 ? find(shopperId, id) : Optional.empty();
        });
    }

    @Override
    public boolean delete(ShopperId shopperId, ShoppingListId id) {
        return transactions.current().deleteFrom(SHOPPING_LIST)
                .where(SHOPPING_LIST.ID.eq(id.value()), SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()))
                .execute() == 1;
    }

    @Override
    public ItemAdded addItemIfFewerThan(ShopperId shopperId, ShoppingListId listId, ListItem item, int limit, Instant now) {
        return transactions.inTransaction(() -> {
            if (!lockList(shopperId, listId)) {
                return ItemAdded.NO_SUCH_LIST;
            }
            if (transactions.current().fetchCount(SHOPPING_LIST_ITEM, SHOPPING_LIST_ITEM.LIST_ID.eq(listId.value())) >= limit) {
                return ItemAdded.LIST_FULL;
            }
            insertItem(listId, item);
            touch(listId, now);
            return ItemAdded.ADDED;
        });
    }

    @Override
    public boolean updateItem(ShopperId shopperId, ShoppingListId listId, ListItem item, Instant now) {
        return transactions.inTransaction(() -> {
            if (!lockList(shopperId, listId)) {
                return false;
            }
            int changed = transactions.current().update(SHOPPING_LIST_ITEM)
                    .set(SHOPPING_LIST_ITEM.TEXT, item.text().name())
                    .set(SHOPPING_LIST_ITEM.QUANTITY, item.quantity().value())
                    .set(SHOPPING_LIST_ITEM.NOTE, item.note().orElse(null))
                    .set(SHOPPING_LIST_ITEM.CHECKED, item.checked())
                    .where(SHOPPING_LIST_ITEM.ID.eq(item.id().value()), SHOPPING_LIST_ITEM.LIST_ID.eq(listId.value()))
                    .execute();
            if (changed == 1) {
                touch(listId, now);
            }
            return changed == 1;
        });
    }

    @Override
    public boolean deleteItem(ShopperId shopperId, ShoppingListId listId, ListItemId itemId, Instant now) {
        return transactions.inTransaction(() -> {
            if (!lockList(shopperId, listId)) {
                return false;
            }
            int deleted = transactions.current().deleteFrom(SHOPPING_LIST_ITEM)
                    .where(SHOPPING_LIST_ITEM.ID.eq(itemId.value()), SHOPPING_LIST_ITEM.LIST_ID.eq(listId.value()))
                    .execute();
            if (deleted == 1) {
                touch(listId, now);
            }
            return deleted == 1;
        });
    }

    @Override
    public Optional<SendClaim> claimSend(ShopperId shopperId, ShoppingListId listId, String fingerprint, boolean again, Instant now) {
        return transactions.inTransaction(() -> {
            Optional<Record1<String>> row = transactions.current().select(SHOPPING_LIST.SENT_FINGERPRINT).from(SHOPPING_LIST)
                    .where(SHOPPING_LIST.ID.eq(listId.value()), SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()))
                    .forNoKeyUpdate()
                    .fetchOptional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> previous = Optional.ofNullable(row.get().value1());
            if (!again && previous.equals(Optional.of(fingerprint))) {
                return Optional.of(new SendClaim(false, previous));
            }
            transactions.current().update(SHOPPING_LIST)
                    .set(SHOPPING_LIST.SENT_FINGERPRINT, fingerprint)
                    .set(SHOPPING_LIST.SENT_AT, Rows.utc(now))
                    .where(SHOPPING_LIST.ID.eq(listId.value()))
                    .execute();
            return Optional.of(new SendClaim(true, previous));
        });
    }

    @Override
    public void releaseSend(ShopperId shopperId, ShoppingListId listId, String fingerprint, Optional<String> previous) {
        transactions.current().update(SHOPPING_LIST)
                .set(SHOPPING_LIST.SENT_FINGERPRINT, previous.orElse(null))
                .where(SHOPPING_LIST.ID.eq(listId.value()), SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()),
                        SHOPPING_LIST.SENT_FINGERPRINT.eq(fingerprint))
                .execute();
    }

    /** Locks the shopper's list row until the transaction ends; false when the shopper has no such list. */
    private boolean lockList(ShopperId shopperId, ShoppingListId listId) {
        return transactions.current().select(SHOPPING_LIST.ID).from(SHOPPING_LIST)
                .where(SHOPPING_LIST.ID.eq(listId.value()), SHOPPING_LIST.SHOPPER_ID.eq(shopperId.value()))
                .forNoKeyUpdate()
                .fetchOptional().isPresent();
    }

    private void touch(ShoppingListId listId, Instant now) {
        transactions.current().update(SHOPPING_LIST).set(SHOPPING_LIST.UPDATED_AT, Rows.utc(now))
                .where(SHOPPING_LIST.ID.eq(listId.value())).execute();
    }

    private void insertItem(ShoppingListId listId, ListItem item) {
        transactions.current().insertInto(SHOPPING_LIST_ITEM)
                .set(SHOPPING_LIST_ITEM.ID, item.id().value())
                .set(SHOPPING_LIST_ITEM.LIST_ID, listId.value())
                .set(SHOPPING_LIST_ITEM.TEXT, item.text().name())
                .set(SHOPPING_LIST_ITEM.QUANTITY, item.quantity().value())
                .set(SHOPPING_LIST_ITEM.NOTE, item.note().orElse(null))
                .set(SHOPPING_LIST_ITEM.CHECKED, item.checked())
                .set(SHOPPING_LIST_ITEM.CREATED_AT, Rows.utc(item.createdAt()))
                .execute();
    }

    private List<ListItem> items(ShoppingListId listId) {
        return transactions.current().selectFrom(SHOPPING_LIST_ITEM)
                .where(SHOPPING_LIST_ITEM.LIST_ID.eq(listId.value()))
                .orderBy(SHOPPING_LIST_ITEM.SEQ)
                .fetch(row -> Rows.read(SHOPPING_LIST_ITEM.getName(), row, JooqShoppingListRepository::item));
    }

    private static ShoppingList list(ShoppingListRecord row, List<ListItem> items) {
        return new ShoppingList(new ShoppingListId(row.getId()), new ShopperId(row.getShopperId()), row.getName(), items,
                Rows.instant(row.getCreatedAt()), Rows.instant(row.getUpdatedAt()));
    }

    private static ListItem item(ShoppingListItemRecord row) {
        return new ListItem(new ListItemId(row.getId()), new ShoppingListItem(row.getText()), new Quantity(row.getQuantity()),
                Optional.ofNullable(row.getNote()), row.getChecked(), Rows.instant(row.getCreatedAt()));
    }
}
