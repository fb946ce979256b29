package org.personalshopper.domain;

/** The provider whose account a shopper connected, by its short name. Lower-case letters, digits and dashes. */
public record Provider(String name) {
    public Provider {
        Check.matches("provider", name, "[a-z0-9][a-z0-9-]{0,31}", "must be 1 to 32 lower-case letters, digits or dashes");
    }

    @Override
    public String toString() {
        return name;
    }
}
