package org.personalshopper.sandbox.foodin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sandbox Foodin users have no accounts: whoever types an e-mail address on the consent page is that user. The
 * user id is derived from the address, so the same address (ignoring case and surrounding blanks) is always the
 * same Foodin user, across restarts too.
 */
final class FoodinUsers {

    static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>]+@[^@\\s\"<>]+\\.[^@\\s\"<>.]+");

    private FoodinUsers() {
    }

    /** The address, trimmed and lower-cased; empty when it is not an e-mail address. */
    static Optional<String> normalizeEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(trimmed.toLowerCase(Locale.ROOT));
    }

    /** {@code fdu_} and 24 hex digits of a hash of the normalized address. */
    static String userIdOf(String normalizedEmail) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("foodin-sandbox-user:" + normalizedEmail).getBytes(StandardCharsets.UTF_8));
            return "fdu_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
