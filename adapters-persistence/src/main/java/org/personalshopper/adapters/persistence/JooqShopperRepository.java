package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;

import java.time.Instant;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperRecord;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

final class JooqShopperRepository implements ShopperRepository {
    private final JooqTransactions transactions;

    JooqShopperRepository(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Shopper create(Instant now) {
        return shopper(transactions.current()
                .insertInto(SHOPPER)
                .set(SHOPPER.ID, ShopperId.random().value())
                .set(SHOPPER.CREATED_AT, Rows.utc(now))
                .set(SHOPPER.UPDATED_AT, Rows.utc(now))
                .returning()
                .fetchOne());
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return transactions.current().selectFrom(SHOPPER).where(SHOPPER.ID.eq(id.value())).fetchOptional()
                .map(JooqShopperRepository::shopper);
    }

    @Override
    public Optional<Shopper> setPreferredLocation(ShopperId id, StoreLocationId location) {
        return transactions.current()
                .update(SHOPPER)
                .set(SHOPPER.PREFERRED_LOCATION_ID, location.value())
                // bookkeeping only: the database's clock is good enough here
                .set(SHOPPER.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(SHOPPER.ID.eq(id.value()))
                .returning()
                .fetchOptional()
                .map(JooqShopperRepository::shopper);
    }

    /**
     * One DELETE: every table holding a shopper's data references the shopper row with ON DELETE CASCADE
     * (sessions, connections, login attempts of a connect, guidance, selections, cart submissions and their
     * items, lists), so the database removes all of it in the same statement. The account-deletion
     * end-to-end test checks every table of the schema for a leftover row.
     */
    @Override
    public boolean delete(ShopperId id) {
        return transactions.current().deleteFrom(SHOPPER).where(SHOPPER.ID.eq(id.value())).execute() > 0;
    }

    static Shopper shopper(ShopperRecord row) {
        return new Shopper(new ShopperId(row.getId()),
                Optional.ofNullable(row.getPreferredLocationId()).map(StoreLocationId::new), Rows.instant(row.getCreatedAt()));
    }
}
