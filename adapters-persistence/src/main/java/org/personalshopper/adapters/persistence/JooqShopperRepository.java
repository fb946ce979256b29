package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_CONNECTION;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperRecord;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

final class JooqShopperRepository implements ShopperRepository {
    /** GET /api/user reads the shopper, a first sign-in creates one: fixed SQL (see {@link PlainSql}). */
    private static final String COLUMNS = "id, preferred_location_id, created_at";
    private static final String CREATE = "insert into shopper (id, created_at, updated_at) values (?, ?, ?) returning " + COLUMNS;
    private static final String FIND = "select " + COLUMNS + " from shopper where id = ?";
    /**
     * The shopper and their connections' summaries (as JooqConnectionRepository's, same order): one row per
     * connection, or one row with nulls for a shopper without any.
     */
    private static final String WITH_CONNECTIONS = "select s.id, s.preferred_location_id, s.created_at, c.provider,"
            + " c.profile_id, c.usable, c.access_token_expires_at from shopper s left join shopper_connection c"
            + " on c.shopper_id = s.id where s.id = ? order by c.connected_at, c.provider";
    /** What a refused row of {@link #WITH_CONNECTIONS} is reported as. */
    private static final String WITH_CONNECTIONS_TABLES = SHOPPER.getName() + " and " + SHOPPER_CONNECTION.getName();

    private final JooqTransactions transactions;
    /** Told of a deleted shopper, whose sessions went with it ({@link RememberedSessions}). */
    private final Consumer<ShopperId> sessionsEnded;

    JooqShopperRepository(JooqTransactions transactions, Consumer<ShopperId> sessionsEnded) {
        this.transactions = transactions;
        this.sessionsEnded = sessionsEnded;
    }

    @Override
    public Shopper create(Instant now) {
        OffsetDateTime at = Rows.utc(now);
        return PlainSql.one(transactions.current(), SHOPPER.getName(), CREATE, JooqShopperRepository::shopper,
                        ShopperId.random().value(), at, at)
                .orElseThrow(() -> new IllegalStateException("an insert returned no shopper"));
    }

    @Override
    public Optional<Shopper> find(ShopperId id) {
        return PlainSql.one(transactions.current(), SHOPPER.getName(), FIND, JooqShopperRepository::shopper, id.value());
    }

    @Override
    public Optional<ShopperAndConnections> findWithConnections(ShopperId id) {
        List<ShopperRow> rows = PlainSql.list(transactions.current(), WITH_CONNECTIONS_TABLES, WITH_CONNECTIONS,
                JooqShopperRepository::shopperRow, id.value());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ConnectionSummary> connections = new ArrayList<>(rows.size());
        rows.forEach(row -> row.connection().ifPresent(connections::add));
        return Optional.of(new ShopperAndConnections(rows.get(0).shopper(), connections));
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
                .map(row -> Rows.read(SHOPPER.getName(), row, JooqShopperRepository::shopper));
    }

    /**
     * One DELETE: every table holding a shopper's data references the shopper row with ON DELETE CASCADE
     * (sessions, connections, login attempts of a connect, guidance, selections, cart submissions and their
     * items, lists), so the database removes all of it in the same statement. The account-deletion
     * end-to-end test checks every table of the schema for a leftover row.
     */
    @Override
    public boolean delete(ShopperId id) {
        boolean deleted = transactions.current().deleteFrom(SHOPPER).where(SHOPPER.ID.eq(id.value())).execute() > 0;
        if (deleted) {
            sessionsEnded.accept(id);
        }
        return deleted;
    }

    /** One row of {@link #WITH_CONNECTIONS}. */
    private record ShopperRow(Shopper shopper, Optional<ConnectionSummary> connection) {
    }

    private static ShopperRow shopperRow(ResultSet row) throws SQLException {
        String provider = row.getString(4);
        return new ShopperRow(shopper(row), provider == null ? Optional.empty() : Optional.of(new ConnectionSummary(
                new Provider(provider), new ProfileId(row.getString(5)), row.getBoolean(6), PlainSql.instant(row, 7))));
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
