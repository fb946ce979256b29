package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Objects;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;

/**
 * What a store can say about one of a shopper's connections without reading its tokens: the provider, the
 * shopper's id there, whether the tokens still work and until when the stored access token lasts. Lets a
 * status be shown without decrypting a secret.
 */
public record ConnectionSummary(Provider provider, ProfileId profileId, boolean usable, Instant accessTokenExpiresAt) {
    public ConnectionSummary {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}
