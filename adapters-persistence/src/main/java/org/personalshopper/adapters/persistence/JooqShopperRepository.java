package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperRecord;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

final class JooqShopperRepository implements ShopperRepository {
    /** Sign-in and GET /api/user: fixed SQL (see {@link PlainSql}). */
    private static final String COLUMNS = "id, provider, profile_id, preferred_location_id, created_at";
    private static final String CREATE = "insert into shopper (id, provider, profile_id, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?) on conflict (provider, profile_id) do nothing returning " + COLUMNS;
    private static final String FIND_BY_PROFILE = "select " + COLUMNS + " from shopper where provider = ? and profile_id = ?";
    private static final String FIND = "select provider, profile_id, preferred_location_id, created_at from shopper where id = ?";

    private final JooqTransactions transactions;

    JooqShopperRepository(JooqTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * INSERT ... ON CONFLICT DO NOTHING, then read: two first sign-ins racing each other both end with the
     * one row the unique (provider, profile_id) constraint let in.
     */
    @Override
    public Shopper findOrCreate(Provider provider, ProfileId profileId, Instant now) {
        return transactions.inTransaction(() -> {
            Optional<Shopper> created = PlainSql.one(transactions.current(), CREATE, JooqShopperRepository::shopper,
                    ShopperId.random().value(), provider.name(), profileId.value(), Rows.utc(now), Rows.utc(now));
            return created.orElseGet(() -> PlainSql.one(transactions.current(), FIND_BY_PROFILE, JooqShopperRepository::shopper,
                    provider.name(), profileId.value())
                    .orElseThrow(() -> new IllegalStateException("the shopper for this profile vanished while signing in")));
        });
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return PlainSql.one(transactions.current(), FIND, row -> new Shopper(id, new Provider(row.getString(1)),
                new ProfileId(row.getString(2)), Optional.ofNullable(row.getString(3)).map(StoreLocationId::new),
                PlainSql.instant(row, 4)), id.value());
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

    private static Shopper shopper(ResultSet row) throws SQLException {
        return new Shopper(new ShopperId(row.getObject(1, UUID.class)), new Provider(row.getString(2)),
                new ProfileId(row.getString(3)), Optional.ofNullable(row.getString(4)).map(StoreLocationId::new),
                PlainSql.instant(row, 5));
    }

    static Shopper shopper(ShopperRecord row) {
        return new Shopper(new ShopperId(row.getId()), new Provider(row.getProvider()), new ProfileId(row.getProfileId()),
                Optional.ofNullable(row.getPreferredLocationId()).map(StoreLocationId::new), Rows.instant(row.getCreatedAt()));
    }
}
