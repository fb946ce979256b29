package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperRecord;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

final class JooqShopperRepository implements ShopperRepository {
    /** GET /api/user reads the shopper, a first sign-in creates one: fixed SQL (see {@link PlainSql}). */
    private static final String COLUMNS = "id, preferred_location_id, created_at";
    private static final String CREATE = "insert into shopper (id, created_at, updated_at) values (?, ?, ?) returning " + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from shopper where id = ?";

    private final JooqTransactions transactions;

    JooqShopperRepository(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Shopper create(Instant now) {
        OffsetDateTime at = Rows.utc(now);
        return PlainSql.one(transactions.current(), CREATE, JooqShopperRepository::shopper, ShopperId.random().value(), at, at)
                .orElseThrow(() -> new IllegalStateException("an insert returned no shopper"));
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return PlainSql.one(transactions.current(), FIND, JooqShopperRepository::shopper, id.value());
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

    private static Shopper shopper(ResultSet row) throws SQLException {
        return new Shopper(new ShopperId(row.getObject(1, UUID.class)),
                Optional.ofNullable(row.getString(2)).map(StoreLocationId::new), PlainSql.instant(row, 3));
    }

    static Shopper shopper(ShopperRecord row) {
        return new Shopper(new ShopperId(row.getId()),
                Optional.ofNullable(row.getPreferredLocationId()).map(StoreLocationId::new), Rows.instant(row.getCreatedAt()));
    }
}
