package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.LOGIN_ATTEMPT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;

/**
 * Sign-ins in progress, keyed by the state's hash. The PKCE verifier is encrypted, bound to the state hash,
 * so it cannot be read back through another attempt's row.
 */
final class JooqLoginAttemptRepository implements LoginAttemptRepository {
    static final String CODE_VERIFIER_COLUMN = "login_attempt.code_verifier_enc";

    /** Every sign-in runs these: fixed SQL (see {@link PlainSql}). */
    private static final String COLUMNS = "state_hash, browser_binding_hash, code_verifier_enc, return_to, created_at,"
            + " expires_at, provider, link_shopper_id";
    private static final String SAVE = "insert into login_attempt (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TAKE = "delete from login_attempt where state_hash = ? returning " + COLUMNS;
    private static final String COUNT_UNEXPIRED = "select count(*) from login_attempt where expires_at > ?";

    private final JooqTransactions transactions;
    private final TokenCipher cipher;

    JooqLoginAttemptRepository(JooqTransactions transactions, TokenCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public void save(LoginAttempt attempt) {
        String stateHash = attempt.stateHash().hex();
        PlainSql.execute(transactions.current(), SAVE, stateHash, attempt.browserBindingHash().hex(),
                attempt.codeVerifier().map(v -> cipher.encrypt(v, CODE_VERIFIER_COLUMN, stateHash)).orElse(null),
                attempt.returnTo().value(), Rows.utc(attempt.createdAt()), Rows.utc(attempt.expiresAt()),
                attempt.provider().name(), attempt.linkTo().map(ShopperId::value).orElse(null));
    }

    /** DELETE ... RETURNING: of two callbacks racing with the same state, exactly one gets the attempt. */
    @Override
    public Optional<LoginAttempt> take(SecretHash stateHash) {
        return PlainSql.one(transactions.current(), TAKE, this::attempt, stateHash.hex());
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.current().deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.EXPIRES_AT.le(Rows.utc(now))).execute();
    }

    @Override
    public int countUnexpired(Instant now) {
        return PlainSql.one(transactions.current(), COUNT_UNEXPIRED, row -> row.getInt(1), Rows.utc(now)).orElse(0);
    }

    private LoginAttempt attempt(ResultSet row) throws SQLException {
        String stateHash = row.getString(1);
        Optional<String> verifier = Optional.ofNullable(row.getString(3));
        return new LoginAttempt(new SecretHash(stateHash), new SecretHash(row.getString(2)),
                verifier.map(v -> cipher.decrypt(v, CODE_VERIFIER_COLUMN, stateHash)),
                new ReturnPath(row.getString(4)), PlainSql.instant(row, 5), PlainSql.instant(row, 6),
                new Provider(row.getString(7)), Optional.ofNullable(row.getObject(8, UUID.class)).map(ShopperId::new));
    }
}
