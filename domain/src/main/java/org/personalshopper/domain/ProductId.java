package org.personalshopper.domain;

/** The provider's product id: 1 to 14 digits. */
public record ProductId(String value) {
    private static final Check.Chars DIGITS = Check.Chars.of("0-9");

    public ProductId {
        Check.chars("productId", value, DIGITS, 1, 14, "must be 1 to 14 digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
