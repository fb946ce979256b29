package org.personalshopper.domain;

/**
 * A product's UPC as digits, 1 to 14 of them. Always a string, never a number: leading zeros matter.
 * {@link #padded(int)} gives the fixed-width form a provider wants.
 */
public record Upc(String value) {
    private static final Check.Chars DIGITS = Check.Chars.of("0-9");

    public Upc {
        Check.chars("upc", value, DIGITS, 1, 14, "must be 1 to 14 digits");
    }

    public String padded(int width) {
        if (value.length() >= width) {
            return value;
        }
        return "0".repeat(width - value.length()) + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
