package org.personalshopper.domain;

/** One line sent to the shopper's grocer cart. */
public record CartItem(Upc upc, Quantity quantity, Modality modality) {
    public static final int MAX_ITEMS_PER_ADD = 50;

    public CartItem {
        Check.requireNonNull(upc, "upc");
        Check.requireNonNull(quantity, "quantity");
        Check.requireNonNull(modality, "modality");
    }
}
