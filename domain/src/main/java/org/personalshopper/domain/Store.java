package org.personalshopper.domain;

import java.util.Optional;

/** A grocer's store a shopper can choose. {@code chain} is the brand as the grocer spells it. */
public record Store(StoreLocationId locationId, String chain, String name, Address address,
                    Optional<GeoPoint> geolocation, Optional<String> phone) {
    public Store {
        Check.requireNonNull(locationId, "locationId");
        Check.requireNonNull(chain, "chain");
        Check.requireNonNull(name, "name");
        Check.requireNonNull(address, "address");
        Check.requireNonNull(geolocation, "geolocation");
        Check.requireNonNull(phone, "phone");
    }
}
