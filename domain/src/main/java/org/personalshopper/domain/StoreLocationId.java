package org.personalshopper.domain;

/** A store at the provider: its location id, 8 letters or digits. */
public record StoreLocationId(String value) {
    private static final Check.Chars LETTERS_AND_DIGITS = Check.Chars.of("A-Za-z0-9");

    public StoreLocationId {
        Check.chars("locationId", value, LETTERS_AND_DIGITS, 8, 8, "must be 8 letters or digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
