package org.personalshopper.application.port.out;

import java.util.Objects;
import org.personalshopper.domain.ProfileId;

/** What a sign-in's code exchange yields: the shopper's tokens and who they are at the provider. */
public record SignInGrant(TokenGrant tokens, ProfileId profileId) {
    public SignInGrant {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(profileId, "profileId");
    }
}
