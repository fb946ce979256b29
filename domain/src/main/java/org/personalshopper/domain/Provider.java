package org.personalshopper.domain;

/** The provider whose account a shopper connected, by its short name. Lower-case letters, digits and dashes. */
public record Provider(String name) {
    private static final Check.Chars NAME = Check.Chars.of("a-z0-9-");
    private static final String RULE = "must be 1 to 32 lower-case letters, digits or dashes";

    public Provider {
        Check.chars("provider", name, NAME, 1, 32, RULE);
        if (name.charAt(0) == '-') {
            throw new InvalidValueException("provider", RULE);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
