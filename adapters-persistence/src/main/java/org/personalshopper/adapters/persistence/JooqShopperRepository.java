package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;

import java.time.Instant;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperRecord;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

final class JooqShopperRepository implements ShopperRepository {
    /** Read on every GET /api/user: plain JDBC (see {@link PlainSql}). */
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
            Optional<ShopperRecord> created = transactions.current()
                    .insertInto(SHOPPER)
                    .set(SHOPPER.ID, ShopperId.random().value())
                    .set(SHOPPER.PROVIDER, provider.name())
                    .set(SHOPPER.PROFILE_ID, profileId.value())
                    .set(SHOPPER.CREATED_AT, Rows.utc(now))
                    .set(SHOPPER.UPDATED_AT, Rows.utc(now))
                    .onConflict(SHOPPER.PROVIDER, SHOPPER.PROFILE_ID).doNothing()
                    .returning()
                    .fetchOptional();
            ShopperRecord row = created.orElseGet(() -> transactions.current()
                    .selectFrom(SHOPPER)
                    .where(SHOPPER.PROVIDER.eq(provider.name()), SHOPPER.PROFILE_ID.eq(profileId.value()))
                    .fetchOptional()
                    .orElseThrow(() -> new IllegalStateException("the shopper for this profile vanished while signing in")));
            return shopper(row);
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

    static Shopper shopper(ShopperRecord row) {
        return new Shopper(new ShopperId(row.getId()), new Provider(row.getProvider()), new ProfileId(row.getProfileId()),
                Optional.ofNullable(row.getPreferredLocationId()).map(StoreLocationId::new), Rows.instant(row.getCreatedAt()));
    }
}
