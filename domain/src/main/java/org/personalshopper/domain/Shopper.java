package org.personalshopper.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Our account for a person: what they keep with us (preferred store, guidance, selections, carts sent).
 * The provider accounts they sign in with are its {@link Connection}s.
 */
public record Shopper(ShopperId id, Optional<StoreLocationId> preferredLocation, Instant createdAt) {
    public Shopper {
        Check.requireNonNull(id, "id");
        Check.requireNonNull(preferredLocation, "preferredLocation");
        Check.requireNonNull(createdAt, "createdAt");
    }

    public Shopper withPreferredLocation(StoreLocationId location) {
        return new Shopper(id, Optional.of(location), createdAt);
    }
}
