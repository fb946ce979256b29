package org.personalshopper.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;

/**
 * One of the shopper's connections as they may see it: the provider, their id there, whether it is usable,
 * and until when the current access token lasts. Never a token.
 */
public record ConnectionStatus(Provider provider, ProfileId profileId, boolean connected,
                               Optional<Instant> accessTokenExpiresAt) {
    public ConnectionStatus {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}
