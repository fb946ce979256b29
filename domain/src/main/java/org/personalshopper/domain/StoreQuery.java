package org.personalshopper.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A store search from exactly one starting point: a 5-digit ZIP code or a point. {@code radiusInMiles}
 * 1 to 100, {@code limit} 1 to 200; {@code chain} narrows to one brand.
 */
public record StoreQuery(Optional<String> zipCode, Optional<GeoPoint> near, int radiusInMiles, int limit, Optional<String> chain) {
    public static final int DEFAULT_RADIUS = 10;
    public static final int DEFAULT_LIMIT = 10;

    public StoreQuery {
        Objects.requireNonNull(zipCode, "zipCode");
        Objects.requireNonNull(near, "near");
        Objects.requireNonNull(chain, "chain");
        if (zipCode.isPresent() == near.isPresent()) {
            throw new InvalidValueException("zipCode", "give either zipCode or latLong");
        }
        zipCode.ifPresent(z -> {
            if (!z.matches("[0-9]{5}")) {
                throw new InvalidValueException("zipCode", "must be 5 digits");
            }
        });
        if (radiusInMiles < 1 || radiusInMiles > 100) {
            throw new InvalidValueException("radiusInMiles", "must be between 1 and 100");
        }
        if (limit < 1 || limit > 200) {
            throw new InvalidValueException("limit", "must be between 1 and 200");
        }
        chain = chain.map(String::strip).filter(c -> !c.isEmpty());
        if (chain.isPresent() && !chain.get().matches("[A-Za-z0-9 '&.-]{1,40}")) {
            throw new InvalidValueException("chain", "must be a chain name: 1 to 40 letters, digits, spaces or ' & . -");
        }
    }
}
