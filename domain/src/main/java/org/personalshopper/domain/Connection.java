package org.personalshopper.domain;

import java.time.Instant;

/**
 * One provider account linked to a shopper: which provider, the shopper's id there, their tokens (encrypted
 * at rest by the store) and whether those still work. A provider account belongs to one shopper at most,
 * and a shopper has at most one connection per provider.
 *
 * @param usable false once the provider refused the refresh token: the shopper must connect it again
 */
public record Connection(ShopperId shopperId, Provider provider, ProfileId profileId, TokenSet tokens, boolean usable,
                         Instant connectedAt) {
    public Connection {
        Check.requireNonNull(shopperId, "shopperId");
        Check.requireNonNull(provider, "provider");
        Check.requireNonNull(profileId, "profileId");
        Check.requireNonNull(tokens, "tokens");
        Check.requireNonNull(connectedAt, "connectedAt");
    }
}
