package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.LOGIN_ATTEMPT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.personalshopper.application.port.out.LoginAttemptRepository;
import org.personalshopper.domain.LoginAttempt;
import org.personalshopper.domain.ReturnPath;
import org.personalshopper.domain.SecretHash;

/**
 * Sign-ins in progress, keyed by the state's hash. The PKCE verifier is encrypted, bound to the state hash,
 * so it cannot be read back through another attempt's row.
 */
final class JooqLoginAttemptRepository implements LoginAttemptRepository {
    static final String CODE_VERIFIER_COLUMN = "login_attempt.code_verifier_enc";

    /** Both statements of every sign-in: fixed SQL (see {@link PlainSql}). */
    private static final String SAVE = "insert into login_attempt (state_hash, browser_binding_hash, code_verifier_enc,"
            + " return_to, created_at, expires_at) values (?, ?, ?, ?, ?, ?)";
    private static final String TAKE = "delete from login_attempt where state_hash = ?"
            + " returning browser_binding_hash, code_verifier_enc, return_to, created_at, expires_at";

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
                attempt.returnTo().value(), Rows.utc(attempt.createdAt()), Rows.utc(attempt.expiresAt()));
    }

    /** DELETE ... RETURNING: of two callbacks racing with the same state, exactly one gets the attempt. */
    @Override
    public Optional<LoginAttempt> take(SecretHash stateHash) {
        return PlainSql.one(transactions.current(), TAKE, row -> attempt(stateHash, row), stateHash.hex());
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.current().deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.EXPIRES_AT.le(Rows.utc(now))).execute();
    }

    @Override
    public int countUnexpired(Instant now) {
        return transactions.current().fetchCount(LOGIN_ATTEMPT, LOGIN_ATTEMPT.EXPIRES_AT.gt(Rows.utc(now)));
    }

    private LoginAttempt attempt(SecretHash stateHash, ResultSet row) throws SQLException {
        return new LoginAttempt(stateHash, new SecretHash(row.getString(1)),
                Optional.ofNullable(row.getString(2)).map(v -> cipher.decrypt(v, CODE_VERIFIER_COLUMN, stateHash.hex())),
                new ReturnPath(row.getString(3)), PlainSql.instant(row, 4), PlainSql.instant(row, 5));
    }
}
