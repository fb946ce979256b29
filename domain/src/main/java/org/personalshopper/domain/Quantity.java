package org.personalshopper.domain;

/** How many of a product: 1 to 99. */
public record Quantity(int value) {
    public static final int MAX = 99;

    public Quantity {
        Check.between("quantity", value, 1, MAX);
    }
}
