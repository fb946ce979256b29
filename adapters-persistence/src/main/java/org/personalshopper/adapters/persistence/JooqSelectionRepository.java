package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SELECTION;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.personalshopper.adapters.persistence.jooq.tables.records.SelectionRecord;
import org.personalshopper.application.port.out.SelectionRepository;
import org.personalshopper.application.port.out.SelectionRepository.Pick;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Quantity;
import org.personalshopper.domain.Selection;
import org.personalshopper.domain.SelectionId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ShoppingListItem;
import org.personalshopper.domain.Upc;

final class JooqSelectionRepository implements SelectionRepository {
    /** The columns {@link #selection(ResultSet)} reads, in its order. */
    private static final String COLUMNS = "id, shopper_id, item, product_id, upc, description, brand, size, quantity,"
            + " created_at, updated_at";
    /** The list is the most frequent read of shopper data: plain JDBC (see {@link PlainSql}). */
    private static final String LIST = "select " + COLUMNS + " from selection where shopper_id = ? order by item_key";
    /** What a save writes when it replaces: the item's spelling, the product and its texts, quantity, time. */
    private static final String REPLACE = "update selection set item = ?, product_id = ?, upc = ?, description = ?,"
            + " brand = ?, size = ?, quantity = ?, updated_at = ? where shopper_id = ? and item_key = ? returning " + COLUMNS;

    private final JooqTransactions transactions;
    private final ShopperLocks locks;

    JooqSelectionRepository(JooqTransactions transactions, ShopperLocks locks) {
        this.transactions = transactions;
        this.locks = locks;
    }

    /**
     * With the shopper's row locked: replace the pick stored under the same item key (its id and creation
     * time stay; a concurrent save of the same item may have inserted it since the caller's {@link #replace}
     * found nothing), else count and insert under the limit. The callers try the unlocked {@link #replace}
     * first, the common save: trying it here again as well cost a third statement for every new item.
     */
    @Override
    public Optional<Saved> save(Selection selection, int limit) {
        Pick pick = Pick.of(selection);
        return transactions.inTransaction(() -> {
            locks.lock(selection.shopperId());
            Optional<Selection> replacedMeanwhile = replace(pick);
            if (replacedMeanwhile.isPresent()) {
                return Optional.of(new Saved(replacedMeanwhile.get(), false));
            }
            if (count(selection.shopperId()) >= limit) {
                return Optional.empty();
            }
            SelectionRecord created = transactions.current()
                    .insertInto(SELECTION)
                    .set(SELECTION.ID, selection.id().value())
                    .set(SELECTION.SHOPPER_ID, selection.shopperId().value())
                    .set(SELECTION.ITEM_KEY, selection.item().key())
                    .set(SELECTION.CREATED_AT, Rows.utc(selection.createdAt()))
                    .set(pickedProduct(selection))
                    .returning()
                    .fetchOne();
            return Optional.of(new Saved(
                    Rows.read(SELECTION.getName(), created, JooqSelectionRepository::selection), true));
        });
    }

    /** Replacing a pick is the common save: one statement, fixed SQL (see PlainSql), like the list. */
    @Override
    public Optional<Selection> replace(Pick pick) {
        return PlainSql.one(transactions.current(), SELECTION.getName(), REPLACE, JooqSelectionRepository::selection,
                pick.item().name(), pick.productId().value(), pick.upc().value(),
                pick.description().orElse(null), pick.brand().orElse(null), pick.size().orElse(null),
                pick.quantity().value(), Rows.utc(pick.at()), pick.shopperId().value(), pick.item().key());
    }

    @Override
    public List<Selection> list(ShopperId shopperId) {
        return PlainSql.list(transactions.current(), SELECTION.getName(), LIST, JooqSelectionRepository::selection,
                shopperId.value());
    }

    @Override
    public List<Selection> find(ShopperId shopperId, Collection<SelectionId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> wanted = ids.stream().map(SelectionId::value).distinct().toList();
        return transactions.current()
                .selectFrom(SELECTION)
                .where(SELECTION.SHOPPER_ID.eq(shopperId.value()), SELECTION.ID.in(wanted))
                .orderBy(SELECTION.ITEM_KEY)
                .fetch(row -> Rows.read(SELECTION.getName(), row, JooqSelectionRepository::selection));
    }

    @Override
    public int count(ShopperId shopperId) {
        return transactions.current().fetchCount(SELECTION, SELECTION.SHOPPER_ID.eq(shopperId.value()));
    }

    @Override
    public boolean delete(ShopperId shopperId, SelectionId id) {
        return transactions.current()
                .deleteFrom(SELECTION)
                .where(SELECTION.SHOPPER_ID.eq(shopperId.value()), SELECTION.ID.eq(id.value()))
                .execute() == 1;
    }

    private static Selection selection(ResultSet row) throws SQLException {
        return new Selection(new SelectionId(row.getObject(1, UUID.class)), new ShopperId(row.getObject(2, UUID.class)),
                new ShoppingListItem(row.getString(3)), new ProductId(row.getString(4)), new Upc(row.getString(5)),
                Optional.ofNullable(row.getString(6)), Optional.ofNullable(row.getString(7)), Optional.ofNullable(row.getString(8)),
                new Quantity(row.getInt(9)), PlainSql.instant(row, 10), PlainSql.instant(row, 11));
    }

    private static Selection selection(SelectionRecord row) {
        return new Selection(new SelectionId(row.getId()), new ShopperId(row.getShopperId()), new ShoppingListItem(row.getItem()),
                new ProductId(row.getProductId()), new Upc(row.getUpc()), Optional.ofNullable(row.getDescription()),
                Optional.ofNullable(row.getBrand()), Optional.ofNullable(row.getSize()), new Quantity(row.getQuantity()),
                Rows.instant(row.getCreatedAt()), Rows.instant(row.getUpdatedAt()));
    }

    /**
     * What a save writes whether it creates or replaces: the item's spelling, the product and its texts,
     * the quantity and the time. Id, key and creation time are written only on creation.
     */
    private static Map<Field<?>, Object> pickedProduct(Selection selection) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(SELECTION.ITEM, selection.item().name());
        fields.put(SELECTION.PRODUCT_ID, selection.productId().value());
        fields.put(SELECTION.UPC, selection.upc().value());
        fields.put(SELECTION.DESCRIPTION, selection.description().orElse(null));
        fields.put(SELECTION.BRAND, selection.brand().orElse(null));
        fields.put(SELECTION.SIZE, selection.size().orElse(null));
        fields.put(SELECTION.QUANTITY, selection.quantity().value());
        fields.put(SELECTION.UPDATED_AT, Rows.utc(selection.updatedAt()));
        return fields;
    }
}
