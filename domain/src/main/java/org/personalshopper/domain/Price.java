package org.personalshopper.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** A product's price at one store. {@code promo} is present only for a real sale: 0 < promo < regular. */
public record Price(BigDecimal regular, Optional<BigDecimal> promo) {
    public Price {
        Check.requireNonNull(regular, "regular");
        Check.requireNonNull(promo, "promo");
        if (regular.signum() < 0) {
            throw new IllegalArgumentException("a price cannot be negative");
        }
        promo = promo.filter(p -> p.signum() > 0 && p.compareTo(regular) < 0);
    }
}
