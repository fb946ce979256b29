package org.personalshopper.sandbox.kroger;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Sandbox shoppers have no accounts: whoever types a username on the consent page is that shopper. The profile id
 * is a name-based UUID, so the same username (ignoring case and surrounding blanks) is always the same shopper,
 * across restarts too.
 */
final class ShopperProfiles {

    static final int MAX_USERNAME_LENGTH = 64;

    private ShopperProfiles() {
    }

    /** Empty when the username is blank or longer than {@value #MAX_USERNAME_LENGTH} characters. */
    static Optional<String> normalizeUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String trimmed = username.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_USERNAME_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(trimmed.toLowerCase(Locale.ROOT));
    }

    static UUID profileIdOf(String normalizedUsername) {
        return UUID.nameUUIDFromBytes(("kroger-sandbox-shopper:" + normalizedUsername).getBytes(StandardCharsets.UTF_8));
    }
}
