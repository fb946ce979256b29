package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_CONNECTION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperConnectionRecord;
import org.personalshopper.application.port.out.ConnectionRepository;
import org.personalshopper.application.port.out.ConnectionSummary;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Connection;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
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

    /** GET /api/user's read: fixed SQL (see {@link PlainSql}); no token column, so a status is shown without reading, let alone decrypting, a secret. */
    private static final String SUMMARIES = "select provider, profile_id, usable, access_token_expires_at"
            + " from shopper_connection where shopper_id = ? order by connected_at, provider";

    private final JooqTransactions transactions;
    private final TokenCipher cipher;

    JooqConnectionRepository(JooqTransactions transactions, TokenCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public Optional<ShopperId> owner(Provider provider, ProfileId profileId) {
        return transactions.current()
                .select(SHOPPER_CONNECTION.SHOPPER_ID).from(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.PROVIDER.eq(provider.name()), SHOPPER_CONNECTION.PROFILE_ID.eq(profileId.value()))
                .fetchOptional(SHOPPER_CONNECTION.SHOPPER_ID)
                .map(ShopperId::new);
    }

    /**
     * Drops the shopper's connection to another account of the same provider, then one upsert on the
     * account: it updates only a row of this shopper, so an account owned by another shopper (also one a
     * concurrent transaction just committed: the upsert waits for it) is left as it was and false returned.
     */
    @Override
    public boolean save(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens) {
        Map<Field<?>, Object> tokenFields = tokenFields(shopperId, provider, tokens);
        return transactions.inTransaction(() -> {
            Optional<ShopperId> owner = owner(provider, profileId);
            if (owner.isPresent() && !owner.get().equals(shopperId)) {
                return false;
            }
            transactions.current().deleteFrom(SHOPPER_CONNECTION)
                    .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()), SHOPPER_CONNECTION.PROVIDER.eq(provider.name()),
                            SHOPPER_CONNECTION.PROFILE_ID.ne(profileId.value()))
                    .execute();
            return transactions.current()
                    .insertInto(SHOPPER_CONNECTION)
                    .set(SHOPPER_CONNECTION.SHOPPER_ID, shopperId.value())
                    .set(SHOPPER_CONNECTION.PROVIDER, provider.name())
                    .set(SHOPPER_CONNECTION.PROFILE_ID, profileId.value())
                    .set(SHOPPER_CONNECTION.CONNECTED_AT, Rows.utc(tokens.issuedAt()))
                    .set(tokenFields)
                    .onConflict(SHOPPER_CONNECTION.PROVIDER, SHOPPER_CONNECTION.PROFILE_ID).doUpdate()
                    .set(tokenFields)
                    .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()))
                    .execute() > 0;
        });
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
                .fetchOptional().map(this::connection);
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
                .fetchOptional().map(this::connection);
    }

    @Override
    public List<Connection> list(ShopperId shopperId) {
        return transactions.current().selectFrom(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(shopperId.value()))
                .orderBy(SHOPPER_CONNECTION.CONNECTED_AT, SHOPPER_CONNECTION.PROVIDER)
                .fetch().map(this::connection);
    }

    @Override
    public List<ConnectionSummary> summaries(ShopperId shopperId) {
        return PlainSql.list(transactions.current(), SUMMARIES, row -> new ConnectionSummary(new Provider(row.getString(1)),
                new ProfileId(row.getString(2)), row.getBoolean(3), PlainSql.instant(row, 4)), shopperId.value());
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
