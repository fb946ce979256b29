package org.personalshopper.adapters.persistence;

import static org.personalshopper.adapters.persistence.jooq.Tables.LOGIN_ATTEMPT;
import static org.personalshopper.adapters.persistence.jooq.Tables.SHOPPER_CONNECTION;

import org.jooq.DSLContext;
import org.personalshopper.adapters.persistence.jooq.tables.records.LoginAttemptRecord;
import org.personalshopper.adapters.persistence.jooq.tables.records.ShopperConnectionRecord;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ShopperId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes a key rotation: every stored ciphertext under an older key of the ring is decrypted and written
 * again under the current key, so no row keeps an old key required forever; not even the rows of shoppers
 * whose provider connection is dead and will never be refreshed (and so never saved) again. Each row is
 * rewritten only if it still holds what was read, so a refresh racing this on another instance wins. A row
 * that does not decrypt (altered, or moved from another row) is left as it is and counted: reading it keeps
 * failing loudly, as it did before, and start-up goes on for every other shopper.
 */
final class TokenReencryption {
    private static final Logger LOG = LoggerFactory.getLogger(TokenReencryption.class);

    private TokenReencryption() {
    }

    /** Returns how many rows now carry the current key instead of an older one. */
    static int toCurrentKey(DSLContext db, TokenKeyRing keys, TokenCipher cipher) {
        String current = keys.currentKeyId() + ":";
        int moved = 0;
        int unreadable = 0;
        for (ShopperConnectionRecord row : db.selectFrom(SHOPPER_CONNECTION)
                .where(SHOPPER_CONNECTION.ACCESS_TOKEN_ENC.notLike(current + "%")
                        .or(SHOPPER_CONNECTION.REFRESH_TOKEN_ENC.notLike(current + "%")))
                .fetch()) {
            ShopperId shopperId = new ShopperId(row.getShopperId());
            Provider provider = new Provider(row.getProvider());
            // Tokens still bound as V1 wrote them are read with that binding and written back bound to the
            // connection (column, shopper and provider), as the connection's next write would.
            boolean v1 = JooqConnectionRepository.V1_BINDING.equals(row.getTokenBinding());
            String readKey = v1 ? shopperId.toString() : JooqConnectionRepository.rowKey(shopperId, provider);
            String writeKey = JooqConnectionRepository.rowKey(shopperId, provider);
            String access;
            String refresh;
            try {
                access = cipher.encrypt(cipher.decrypt(row.getAccessTokenEnc(),
                        v1 ? JooqConnectionRepository.V1_ACCESS_COLUMN : JooqConnectionRepository.ACCESS_COLUMN, readKey),
                        JooqConnectionRepository.ACCESS_COLUMN, writeKey);
                refresh = cipher.encrypt(cipher.decrypt(row.getRefreshTokenEnc(),
                        v1 ? JooqConnectionRepository.V1_REFRESH_COLUMN : JooqConnectionRepository.REFRESH_COLUMN, readKey),
                        JooqConnectionRepository.REFRESH_COLUMN, writeKey);
            } catch (IllegalStateException notDecryptable) {
                unreadable++;
                continue;
            }
            moved += db.update(SHOPPER_CONNECTION)
                    .set(SHOPPER_CONNECTION.ACCESS_TOKEN_ENC, access)
                    .set(SHOPPER_CONNECTION.REFRESH_TOKEN_ENC, refresh)
                    .set(SHOPPER_CONNECTION.TOKEN_BINDING, JooqConnectionRepository.CURRENT_BINDING)
                    .where(SHOPPER_CONNECTION.SHOPPER_ID.eq(row.getShopperId()),
                            SHOPPER_CONNECTION.PROVIDER.eq(row.getProvider()),
                            SHOPPER_CONNECTION.ACCESS_TOKEN_ENC.eq(row.getAccessTokenEnc()),
                            SHOPPER_CONNECTION.REFRESH_TOKEN_ENC.eq(row.getRefreshTokenEnc()))
                    .execute();
        }
        for (LoginAttemptRecord row : db.selectFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.CODE_VERIFIER_ENC.isNotNull(), LOGIN_ATTEMPT.CODE_VERIFIER_ENC.notLike(current + "%"))
                .fetch()) {
            String verifier;
            try {
                verifier = again(cipher, row.getCodeVerifierEnc(), JooqLoginAttemptRepository.CODE_VERIFIER_COLUMN,
                        row.getStateHash());
            } catch (IllegalStateException notDecryptable) {
                unreadable++;
                continue;
            }
            moved += db.update(LOGIN_ATTEMPT)
                    .set(LOGIN_ATTEMPT.CODE_VERIFIER_ENC, verifier)
                    .where(LOGIN_ATTEMPT.STATE_HASH.eq(row.getStateHash()),
                            LOGIN_ATTEMPT.CODE_VERIFIER_ENC.eq(row.getCodeVerifierEnc()))
                    .execute();
        }
        if (unreadable > 0) {
            LOG.warn("{} stored token rows do not decrypt under their key (altered or moved) and were left as they are;"
                    + " they keep their old key id", unreadable);
        }
        return moved;
    }

    private static String again(TokenCipher cipher, String stored, String column, String rowKey) {
        return cipher.encrypt(cipher.decrypt(stored, column, rowKey), column, rowKey);
    }
}
