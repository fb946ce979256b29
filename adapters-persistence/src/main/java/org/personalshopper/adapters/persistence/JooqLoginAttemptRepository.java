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
    /**
     * The flood limit rides in the insert (one round trip) and stops counting at the limit. Every callback
     * leaves a dead row whose expiry is still ahead, in the counted range until vacuum: a bitmap scan of the
     * expiry index (the plan of a plain count) visits each of them on every sign-in, while the ordered limit
     * is answered by an index scan, which marks dead entries so later scans skip them, or by a sequential
     * scan of pruned pages (docs/persistence.md).
     */
    private static final String SAVE_UNLESS_FULL = "insert into login_attempt (" + COLUMNS + ")"
            // Typed here: a select list does not take its parameters' types from the insert's columns.
            + " select ?, ?, ?::text, ?, ?::timestamptz, ?::timestamptz, ?, ?::uuid where (select count(*) from"
            + " (select 1 from login_attempt where expires_at > ? order by expires_at limit ?) in_progress) < ?";

    private final JooqTransactions transactions;
    private final TokenCipher cipher;

    JooqLoginAttemptRepository(JooqTransactions transactions, TokenCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public void save(LoginAttempt attempt) {
        PlainSql.execute(transactions.current(), SAVE, columns(attempt));
    }

    @Override
    public boolean saveUnlessFull(LoginAttempt attempt, int maxPending) {
        Object[] columns = columns(attempt);
        Object[] parameters = java.util.Arrays.copyOf(columns, columns.length + 3);
        parameters[columns.length] = Rows.utc(attempt.createdAt());
        parameters[columns.length + 1] = maxPending;
        parameters[columns.length + 2] = maxPending;
        return PlainSql.execute(transactions.current(), SAVE_UNLESS_FULL, parameters) == 1;
    }

    private Object[] columns(LoginAttempt attempt) {
        String stateHash = attempt.stateHash().hex();
        return new Object[] {stateHash, attempt.browserBindingHash().hex(),
                attempt.codeVerifier().map(v -> cipher.encrypt(v, CODE_VERIFIER_COLUMN, stateHash)).orElse(null),
                attempt.returnTo().value(), Rows.utc(attempt.createdAt()), Rows.utc(attempt.expiresAt()),
                attempt.provider().name(), attempt.linkTo().map(ShopperId::value).orElse(null)};
    }

    /** DELETE ... RETURNING: of two callbacks racing with the same state, exactly one gets the attempt. */
    @Override
    public Optional<LoginAttempt> take(SecretHash stateHash) {
        return PlainSql.one(transactions.current(), LOGIN_ATTEMPT.getName(), TAKE, this::attempt, stateHash.hex());
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.current().deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.EXPIRES_AT.le(Rows.utc(now))).execute();
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
