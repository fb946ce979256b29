package org.personalshopper.application.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.personalshopper.application.port.out.RandomTokens;

/** Secrets from {@link SecureRandom}, as unpadded base64url (32 bytes give 43 characters). */
public final class SecureRandomTokens implements RandomTokens {
    private static final int MAX_BYTES = 1024;
    private final SecureRandom random;

    public SecureRandomTokens() {
        this(new SecureRandom());
    }

    public SecureRandomTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String urlSafe(int bytes) {
        if (bytes < 1 || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("bytes must be 1 to " + MAX_BYTES);
        }
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
