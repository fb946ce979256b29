package org.personalshopper.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a bearer secret (session id, login state, browser binding): what we store and look up
 * instead of the secret, so a database leak hands out nothing usable.
 */
public record SecretHash(String hex) {
    public SecretHash {
        Check.matches("hash", hex, "[0-9a-f]{64}", "must be 64 lower-case hex digits");
    }

    public static SecretHash of(String secret) {
        Check.notBlank("secret", secret);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Constant-time comparison, for checks where timing could leak how much of a secret matched. */
    public boolean sameAs(SecretHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
