package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_CONNECTION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperConnectionRecord;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Session;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/**
 * Each shopper's provider accounts. Both tokens are encrypted and bound (AES-GCM associated data) to their
 * column, the shopper and the provider, so a ciphertext moved to another connection or column does not
 * decrypt. Tokens moved here by V7 keep their V1 binding (column of {@code shopper_token}, shopper id),
 * recorded as {@code token_binding = 'shopper_token'}, until the connection's next write.
 */
final class JooqConnectionRepository implements ConnectionRepository {
    static final String ACCESS_COLUMN = "shopper_connection.access_token_enc";
    static final String REFRESH_COLUMN = "shopper_connection.refresh_token_enc";
    static final String CURRENT_BINDING = "connection";
    /** V1's columns, the associated data of tokens written before V7. */
    static final String V1_BINDING = "shopper_token";
    static final String V1_ACCESS_COLUMN = "shopper_token.access_token_enc";
    static final String V1_REFRESH_COLUMN = "shopper_token.refresh_token_enc";

    /** The sign-in's and GET /api/user's statements: fixed SQL (see {@link PlainSql}). */
    private static final String OWNER = "select shopper_id from shopper_connection where provider = ? and profile_id = ?";
    /** A sign-in with the account this shopper already has connected: its tokens replaced in place. */
    private static final String RENEW = "update shopper_connection set access_token_enc = ?, refresh_token_enc = ?,"
            + " issued_at = ?, access_token_expires_at = ?, usable = true, token_binding = '" + CURRENT_BINDING + "',"
            + " updated_at = current_timestamp where shopper_id = ? and provider = ? and profile_id = ?";
    /**
     * The common sign-in as one implicit transaction in one round trip ({@link PlainSql#executeTogether}): the
     * renewal, the session inserted only if the renewal found the row, then the shopper's oldest sessions past
     * the cap ended (not the new one) only if the new session is there. The second statement's snapshot is
     * taken after the first holds the account's row lock, so concurrent sign-ins with one account cap each
     * other's sessions too. The lock is released by the commit at the end of the round trip: it is never held
     * while this thread waits to be scheduled, which under 16 concurrent sign-ins with one account made every
     * other sign-in queue behind it (47 ms per renewal in the benchmark, docs/benchmarks.md).
     */
    private static final String RENEW_WITH_SESSION = "with renewed as (" + RENEW + " returning shopper_id)"
            + " insert into shopper_session (id_hash, shopper_id, created_at, last_used_at)"
            + " select ?, shopper_id, ?, ? from renewed;"
            + " delete from shopper_session where shopper_id = ? and id_hash <> ?"
            + " and exists (select 1 from shopper_session fresh where fresh.id_hash = ? and fresh.shopper_id = ?)"
            + " and id_hash in (select id_hash from shopper_session where shopper_id = ?"
            + " order by created_at desc, id_hash desc offset ?)";
    /** Another account of the provider goes, unless the account being saved belongs to another shopper. */
    private static final String DROP_OTHER_ACCOUNT = "delete from shopper_connection where shopper_id = ? and provider = ?"
            + " and profile_id <> ? and not exists (select 1 from shopper_connection o"
            + " where o.provider = ? and o.profile_id = ? and o.shopper_id <> ?)";
    /** Every token field, usable, bound to the connection; on the account's row only when it is this shopper's. */
    private static final String UPSERT = "insert into shopper_connection (shopper_id, provider, profile_id, connected_at,"
            + " access_token_enc, refresh_token_enc, issued_at, access_token_expires_at, usable, token_binding, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, true, '" + CURRENT_BINDING + "', current_timestamp)"
            + " on conflict (provider, profile_id) do update set access_token_enc = excluded.access_token_enc,"
            + " refresh_token_enc = excluded.refresh_token_enc, issued_at = excluded.issued_at,"
            + " access_token_expires_at = excluded.access_token_expires_at, usable = true,"
            + " token_binding = excluded.token_binding, updated_at = excluded.updated_at"
            + " where shopper_connection.shopper_id = ?";
    /** No token column: a status is shown without reading, let alone decrypting, a secret. */
    private static final String SUMMARIES = "select provider, profile_id, usable, access_token_expires_at"
            + " from shopper_connection where shopper_id = ? order by connected_at, provider";

    private final JooqTransactions transactions;
    private final TokenCipher cipher;

    /** Told when a sign-in here ended some of the shopper's older sessions ({@link RememberedSessions}). */
    private final Consumer<ShopperId> sessionsEnded;

    JooqConnectionRepository(JooqTransactions transactions, TokenCipher cipher, Consumer<ShopperId> sessionsEnded) {
        this.transactions = transactions;
        this.cipher = cipher;
        this.sessionsEnded = sessionsEnded;
    }

    @Override
    public Optional<ShopperId> owner(Provider provider, ProfileId profileId) {
        return PlainSql.one(transactions.current(), SHOPPER_CONNECTION.getName(), OWNER,
                row -> new ShopperId(row.getObject(1, UUID.class)), provider.name(), profileId.value());
    }

    /**
     * An account already connected to this shopper is renewed in place (one update). Otherwise, in one
     * transaction: drop the shopper's connection to another account of the same
     * provider unless the account being saved is another shopper's, then one upsert on the account that
     * updates only a row of this shopper. So an account owned by another shopper (also one a concurrent
     * transaction just committed: the upsert waits for it) is left as it was and false returned; the
     * ownership check rides in the delete instead of a select of its own.
     */
    @Override
    public boolean save(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens) {
        String key = rowKey(shopperId, provider);
        String access = cipher.encrypt(tokens.accessToken().value(), ACCESS_COLUMN, key);
        String refresh = cipher.encrypt(tokens.refreshToken(), REFRESH_COLUMN, key);
        return transactions.inTransaction(() -> {
            // The common sign-in (the account is already this shopper's): one update of its row. Concurrent
            // sign-ins with one account then take turns on that row; through the upsert below two of them could
            // both pass its check on (provider, account) and one fail on the primary key (shopper, provider),
            // which ON CONFLICT does not arbitrate.
            if (PlainSql.execute(transactions.current(), RENEW, access, refresh, Rows.utc(tokens.issuedAt()),
                    Rows.utc(tokens.accessTokenExpiresAt()), shopperId.value(), provider.name(), profileId.value()) > 0) {
                return true;
            }
            PlainSql.execute(transactions.current(), DROP_OTHER_ACCOUNT, shopperId.value(), provider.name(), profileId.value(),
                    provider.name(), profileId.value(), shopperId.value());
            return PlainSql.execute(transactions.current(), UPSERT, shopperId.value(), provider.name(), profileId.value(),
                    Rows.utc(tokens.issuedAt()), access, refresh, Rows.utc(tokens.issuedAt()),
                    Rows.utc(tokens.accessTokenExpiresAt()), shopperId.value()) > 0;
        });
    }

    @Override
    public boolean renewWithSession(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens,
                                    Session session, int keepSessions) {
        if (!session.shopperId().equals(shopperId)) {
            throw new IllegalArgumentException("the session must be the shopper's whose account is renewed");
        }
        if (keepSessions < 1) {
            throw new IllegalArgumentException("keepSessions must be at least 1: the new session stays");
        }
        String key = rowKey(shopperId, provider);
        String access = cipher.encrypt(tokens.accessToken().value(), ACCESS_COLUMN, key);
        String refresh = cipher.encrypt(tokens.refreshToken(), REFRESH_COLUMN, key);
        String idHash = session.idHash().hex();
        UUID shopper = shopperId.value();
        int[] counts = PlainSql.executeTogether(transactions.current(), RENEW_WITH_SESSION, access, refresh,
                Rows.utc(tokens.issuedAt()), Rows.utc(tokens.accessTokenExpiresAt()), shopper, provider.name(), profileId.value(),
                idHash, Rows.utc(session.createdAt()), Rows.utc(session.lastUsedAt()),
                shopper, idHash, idHash, shopper, shopper, keepSessions);
        if (counts.length > 1 && counts[1] > 0) {
            sessionsEnded.accept(shopperId);
        }
        return counts[0] == 1;
    }

    @Override
    public void saveTokens(ShopperId shopperId, Provider provider, TokenSet tokens) {
        transactions.current()
                .update(SHOPPER_CONNECTION)
                .set(tokenFields(shopperId, provider, tokens))
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()), SHOPPER_CONNECTION.PROVIDER.eq(provider.name()))
                .execute();
    }

    /** Every token field of a connection, encrypted and bound to it, usable: always written together. */
    private Map<Field<?>, Object> tokenFields(ShopperId shopperId, Provider provider, TokenSet tokens) {
        Map<Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(SHOPPER_CONNECTION.ACCESS_TOKEN_ENC, cipher.encrypt(tokens.accessToken().value(), ACCESS_COLUMN, rowKey(shopperId, provider)));
        fields.put(SHOPPER_CONNECTION.REFRESH_TOKEN_ENC, cipher.encrypt(tokens.refreshToken(), REFRESH_COLUMN, rowKey(shopperId, provider)));
        fields.put(SHOPPER_CONNECTION.ISSUED_AT, Rows.utc(tokens.issuedAt()));
        fields.put(SHOPPER_CONNECTION.ACCESS_TOKEN_EXPIRES_AT, Rows.utc(tokens.accessTokenExpiresAt()));
        fields.put(SHOPPER_CONNECTION.USABLE, true);
        fields.put(SHOPPER_CONNECTION.TOKEN_BINDING, CURRENT_BINDING);
        fields.put(SHOPPER_CONNECTION.UPDATED_AT, DSL.currentOffsetDateTime());
        return fields;
    }

    @Override
    public Optional<Connection> find(ShopperId shopperId, Provider provider) {
        return transactions.current().selectFrom(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()), SHOPPER_CONNECTION.PROVIDER.eq(provider.name()))
                .fetchOptional().map(this::stored);
    }

    /**
     * Locks the shopper's row (FOR NO KEY UPDATE, as {@link ShopperLocks}), then the connection (FOR UPDATE):
     * a refresh of one connection waits for another instance's refresh of it, and changes to a shopper's
     * set of connections (disconnect) line up.
     */
    @Override
    public Optional<Connection> findForUpdate(ShopperId shopperId, Provider provider) {
        if (!transactions.active()) {
            throw new IllegalStateException("findForUpdate must run inside Transactions.inTransaction: "
                    + "outside one the row lock would end with the statement");
        }
        transactions.current().select(SHOPPER.ID).from(SHOPPER).where(SHOPPER.ID.eq(shopperId.value()))
                .forNoKeyUpdate().fetchOptional();
        return transactions.current().selectFrom(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()), SHOPPER_CONNECTION.PROVIDER.eq(provider.name()))
                .forUpdate()
                .fetchOptional().map(this::stored);
    }

    @Override
    public List<Connection> list(ShopperId shopperId) {
        return transactions.current().selectFrom(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()))
                .orderBy(SHOPPER_CONNECTION.CONNECTED_AT, SHOPPER_CONNECTION.PROVIDER)
                .fetch().map(this::stored);
    }

    @Override
    public List<ConnectionSummary> summaries(ShopperId shopperId) {
        return PlainSql.list(transactions.current(), SHOPPER_CONNECTION.getName(), SUMMARIES,
                row -> new ConnectionSummary(new Provider(row.getString(1)), new ProfileId(row.getString(2)),
                        row.getBoolean(3), PlainSql.instant(row, 4)), shopperId.value());
    }

    @Override
    public void markUnusable(ShopperId shopperId, Provider provider) {
        transactions.current()
                .update(SHOPPER_CONNECTION)
                .set(SHOPPER_CONNECTION.USABLE, false)
                .set(SHOPPER_CONNECTION.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()), SHOPPER_CONNECTION.PROVIDER.eq(provider.name()))
                .execute();
    }

    @Override
    public boolean delete(ShopperId shopperId, Provider provider) {
        return transactions.current().deleteFrom(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()), SHOPPER_CONNECTION.PROVIDER.eq(provider.name()))
                .execute() > 0;
    }

    /** The connection of {@code row}, refused as a stored row if the domain refuses it. */
    private Connection stored(ShopperConnectionRecord row) {
        return Rows.read(SHOPPER_CONNECTION.getName(), row, this::connection);
    }

    private Connection connection(ShopperConnectionRecord row) {
        ShopperId shopperId = new ShopperId(row.getShopperId());
        Provider provider = new Provider(row.getProvider());
        boolean v1 = V1_BINDING.equals(row.getTokenBinding());
        String key = v1 ? shopperId.toString() : rowKey(shopperId, provider);
        TokenSet tokens = new TokenSet(
                new AccessToken(cipher.decrypt(row.getAccessTokenEnc(), v1 ? V1_ACCESS_COLUMN : ACCESS_COLUMN, key)),
                cipher.decrypt(row.getRefreshTokenEnc(), v1 ? V1_REFRESH_COLUMN : REFRESH_COLUMN, key),
                Rows.instant(row.getIssuedAt()), Rows.instant(row.getAccessTokenExpiresAt()));
        return new Connection(shopperId, provider, new ProfileId(row.getProfileId()), tokens, row.getUsable(),
                Rows.instant(row.getConnectedAt()));
    }

    /** The associated data's row part: the connection's key, shopper and provider. */
    static String rowKey(ShopperId shopperId, Provider provider) {
        return shopperId + "/" + provider.name();
    }
}
