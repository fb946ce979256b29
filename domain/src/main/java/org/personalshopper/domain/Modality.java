package org.personalshopper.domain;

import java.util.Locale;

/** How the shopper gets the cart: picked up at the store or delivered. */
public enum Modality {
    PICKUP, DELIVERY;

    public static Modality parse(String text) {
        Check.present("modality", text);
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("modality", "must be PICKUP or DELIVERY");
        }
    }
}
