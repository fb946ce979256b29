package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.LOGIN_ATTEMPT;

import java.time.Instant;
import java.util.Optional;
import org.personalshopper.adapters.persistence.jooq.tables.records.LoginAttemptRecord;
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

    private final JooqTransactions transactions;
    private final TokenCipher cipher;

    JooqLoginAttemptRepository(JooqTransactions transactions, TokenCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public void save(LoginAttempt attempt) {
        String stateHash = attempt.stateHash().hex();
        transactions.current()
                .insertInto(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.STATE_HASH, stateHash)
                .set(LOGIN_ATTEMPT.BROWSER_BINDING_HASH, attempt.browserBindingHash().hex())
                .set(LOGIN_ATTEMPT.CODE_VERIFIER_ENC,
                        attempt.codeVerifier().map(v -> cipher.encrypt(v, CODE_VERIFIER_COLUMN, stateHash)).orElse(null))
                .set(LOGIN_ATTEMPT.RETURN_TO, attempt.returnTo().value())
                .set(LOGIN_ATTEMPT.CREATED_AT, Rows.utc(attempt.createdAt()))
                .set(LOGIN_ATTEMPT.EXPIRES_AT, Rows.utc(attempt.expiresAt()))
                .set(LOGIN_ATTEMPT.PROVIDER, attempt.provider().name())
                .set(LOGIN_ATTEMPT.LINK_SHOPPER_ID, attempt.linkTo().map(ShopperId::value).orElse(null))
                .execute();
    }

    /** DELETE ... RETURNING: of two callbacks racing with the same state, exactly one gets the attempt. */
    @Override
    public Optional<LoginAttempt> take(SecretHash stateHash) {
        return transactions.current()
                .deleteFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.STATE_HASH.eq(stateHash.hex()))
                .returning()
                .fetchOptional()
                .map(this::attempt);
    }

    @Override
    public int deleteExpired(Instant now) {
        return transactions.current().deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.EXPIRES_AT.le(Rows.utc(now))).execute();
    }

    @Override
    public int countUnexpired(Instant now) {
        return transactions.current().fetchCount(LOGIN_ATTEMPT, LOGIN_ATTEMPT.EXPIRES_AT.gt(Rows.utc(now)));
    }

    private LoginAttempt attempt(LoginAttemptRecord row) {
        String stateHash = row.getStateHash();
        return new LoginAttempt(new SecretHash(stateHash), new SecretHash(row.getBrowserBindingHash()),
                Optional.ofNullable(row.getCodeVerifierEnc()).map(v -> cipher.decrypt(v, CODE_VERIFIER_COLUMN, stateHash)),
                new ReturnPath(row.getReturnTo()), Rows.instant(row.getCreatedAt()), Rows.instant(row.getExpiresAt()),
                new Provider(row.getProvider()), Optional.ofNullable(row.getLinkShopperId()).map(ShopperId::new));
    }
}
