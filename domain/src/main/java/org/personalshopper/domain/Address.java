package org.personalshopper.domain;

import java.util.Optional;

/** A store's street address. */
public record Address(String line1, Optional<String> line2, String city, String state, String zipCode) {
    public Address {
        Check.requireNonNull(line1, "line1");
        Check.requireNonNull(line2, "line2");
        line2 = line2.filter(l -> !l.isBlank());
        Check.requireNonNull(city, "city");
        Check.requireNonNull(state, "state");
        Check.requireNonNull(zipCode, "zipCode");
    }
}
