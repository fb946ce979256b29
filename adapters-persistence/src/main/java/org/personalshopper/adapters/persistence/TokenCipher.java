package org.personalshopper.adapters.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets for storage with AES-256-GCM: a fresh 12-byte nonce per value, stored as
 * {@code <keyId>:<base64(nonce || ciphertext || tag)>}. The column and the row's key (e.g.
 * {@code shopper_token.access_token_enc/<shopper id>}) are authenticated as associated data, so a
 * ciphertext copied into another row or column does not decrypt. Failures throw, never return garbage,
 * and no message carries plaintext or ciphertext.
 */
final class TokenCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final TokenKeyRing keys;
    private final SecureRandom random = new SecureRandom();
    /**
     * One cipher per thread, initialised afresh for every value: {@code Cipher.getInstance} looks the
     * transformation up through the security providers each time, which was 6 % of a sign-in's CPU.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(TokenCipher::newCipher);

    TokenCipher(TokenKeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Encrypts for {@code column} of the row known by {@code rowKey} (shopper id, state hash). */
    String encrypt(String plaintext, String column, String rowKey) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] aad = associatedData(column, rowKey);
        TokenKeyRing.Key key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return key.id() + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption is not available in this JVM", e);
        }
    }

    /** Decrypts what {@link #encrypt} stored for this column and row; messages name the column, not the row. */
    String decrypt(String stored, String column, String rowKey) {
        Objects.requireNonNull(stored, "stored");
        byte[] aad = associatedData(column, rowKey);
        String context = column;
        int colon = stored.indexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException("a stored token for " + context + " is not in the <keyId>:<base64> form");
        }
        String keyId = stored.substring(0, colon);
        TokenKeyRing.Key key = keys.find(keyId).orElseThrow(() -> new IllegalStateException(
                "a stored token for " + context + " was encrypted with key id " + keyId
                        + ", which is not in the token key ring " + keys.keyIds()
                        + ": configure that key (SHOPPER_TOKEN_KEY or a previous key) to read it"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored token for " + context + " under key id " + keyId + " is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a stored token for " + context + " under key id " + keyId + " is truncated");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a stored token for " + context + " failed authentication under key id " + keyId
                    + ": it was altered, encrypted with a different key of the same id, or moved from another row or column");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption is not available in this JVM", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(String column, String rowKey) {
        return (column + "/" + rowKey).getBytes(StandardCharsets.UTF_8);
    }
}
