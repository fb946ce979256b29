package org.personalshopper.domain;

import java.util.Locale;

/** What a provider offers the service: signing shoppers in, its catalog, its stores, a cart to fill. */
public enum Capability {
    SIGN_IN, CATALOG, STORES, CART;

    /** As the API spells it: {@code sign-in}, {@code catalog}, {@code stores}, {@code cart}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
