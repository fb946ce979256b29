package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

public interface ShopperRepository {
    /** The shopper with this profile at this provider, created (at {@code now}) the first time. */
    Shopper findOrCreate(Provider provider, ProfileId profileId, Instant now);

    Optional<Shopper> find(ShopperId id);

    /** Sets the preferred store; empty when no such shopper. */
    Optional<Shopper> setPreferredLocation(ShopperId id, StoreLocationId location);
}
