package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_TOKEN;

import java.time.Instant;
import java.util.Optional;
import org.jooq.impl.DSL;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperTokenRecord;
import org.personalshopper.application.port.out.ShopperTokens;
import org.personalshopper.application.port.out.TokenRepository;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/** Each shopper's grocer tokens, both encrypted and bound to the shopper's row and their own column. */
final class JooqTokenRepository implements TokenRepository {
    static final String ACCESS_COLUMN = "shopper_token.access_token_enc";
    static final String REFRESH_COLUMN = "shopper_token.refresh_token_enc";

    /** Every sign-in and refresh: fixed SQL (see {@link PlainSql}). */
    private static final String SAVE = "insert into shopper_token (shopper_id, access_token_enc, refresh_token_enc, issued_at,"
            + " access_token_expires_at, usable, updated_at) values (?, ?, ?, ?, ?, true, current_timestamp)"
            + " on conflict (shopper_id) do update set access_token_enc = excluded.access_token_enc,"
            + " refresh_token_enc = excluded.refresh_token_enc, issued_at = excluded.issued_at,"
            + " access_token_expires_at = excluded.access_token_expires_at, usable = true, updated_at = current_timestamp";
    private static final String USABLE_UNTIL =
            "select access_token_expires_at from shopper_token where shopper_id = ? and usable";

    private final JooqTransactions transactions;
    private final TokenCipher cipher;

    JooqTokenRepository(JooqTransactions transactions, TokenCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** One upsert writes every field, so a reader never sees an access token beside another grant's refresh token. */
    @Override
    public void save(ShopperId shopperId, TokenSet tokens) {
        String row = shopperId.toString();
        String access = cipher.encrypt(tokens.accessToken().value(), ACCESS_COLUMN, row);
        String refresh = cipher.encrypt(tokens.refreshToken(), REFRESH_COLUMN, row);
        PlainSql.execute(transactions.current(), SAVE, shopperId.value(), access, refresh, Rows.utc(tokens.issuedAt()),
                Rows.utc(tokens.accessTokenExpiresAt()));
    }

    @Override
    public Optional<ShopperTokens> find(ShopperId shopperId) {
        return transactions.current().selectFrom(SHOPPER_TOKEN).where(SHOPPER_TOKEN.SHOPPER_ID.eq(shopperId.value()))
                .fetchOptional().map(this::tokens);
    }

    /** The connection state only: nothing is decrypted to tell whether the shopper is connected. */
    @Override
    public Optional<Instant> usableUntil(ShopperId shopperId) {
        return PlainSql.one(transactions.current(), USABLE_UNTIL, row -> PlainSql.instant(row, 1), shopperId.value());
    }

    /** SELECT ... FOR UPDATE: a second transaction asking for the same shopper waits until this one ends. */
    @Override
    public Optional<ShopperTokens> findForUpdate(ShopperId shopperId) {
        if (!transactions.active()) {
            throw new IllegalStateException("findForUpdate must run inside Transactions.inTransaction: "
                    + "outside one the row lock would end with the statement");
        }
        return transactions.current().selectFrom(SHOPPER_TOKEN).where(SHOPPER_TOKEN.SHOPPER_ID.eq(shopperId.value()))
                .forUpdate()
                .fetchOptional().map(this::tokens);
    }

    @Override
    public void markUnusable(ShopperId shopperId) {
        transactions.current()
                .update(SHOPPER_TOKEN)
                .set(SHOPPER_TOKEN.USABLE, false)
                .set(SHOPPER_TOKEN.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(SHOPPER_TOKEN.SHOPPER_ID.eq(shopperId.value()))
                .execute();
    }

    private ShopperTokens tokens(ShopperTokenRecord row) {
        ShopperId shopperId = new ShopperId(row.getShopperId());
        String key = shopperId.toString();
        TokenSet tokens = new TokenSet(
                new AccessToken(cipher.decrypt(row.getAccessTokenEnc(), ACCESS_COLUMN, key)),
                cipher.decrypt(row.getRefreshTokenEnc(), REFRESH_COLUMN, key),
                Rows.instant(row.getIssuedAt()), Rows.instant(row.getAccessTokenExpiresAt()));
        return new ShopperTokens(shopperId, tokens, row.getUsable());
    }
}
