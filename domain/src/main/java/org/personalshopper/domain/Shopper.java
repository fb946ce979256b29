package org.personalshopper.domain;

import java.time.Instant;
import java.util.Optional;

/** A person who connected their grocer account: one per (provider, profile id). */
public record Shopper(ShopperId id, Provider provider, ProfileId profileId,
                      Optional<StoreLocationId> preferredLocation, Instant createdAt) {
    public Shopper {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(provider, "provider");
        Check.requireNonNull(profileId, "profileId");
        Check.requireNonNull(preferredLocation, "preferredLocation");
        Check.requireNonNull(createdAt, "createdAt");
    }

    public Shopper withPreferredLocation(StoreLocationId location) {
        return new Shopper(id, provider, profileId, Optional.of(location), createdAt);
    }
}
