package org.personalshopper.domain;

/** The store brand whose look the provider's sign-in page takes. Which exist is the provider's to say. */
public record Banner(String name) {
    private static final Check.Chars LOWER_CASE_AND_DIGITS = Check.Chars.of("a-z0-9");

    public Banner {
        Check.chars("banner", name, LOWER_CASE_AND_DIGITS, 1, 40, "must be a banner name: 1 to 40 lower-case letters or digits");
    }

    @Override
    public String toString() {
        return name;
    }
}
