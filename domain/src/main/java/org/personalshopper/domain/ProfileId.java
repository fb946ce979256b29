package org.personalshopper.domain;

/** The shopper's id at the provider. Opaque text, 1 to 128 visible characters. */
public record ProfileId(String value) {
    public ProfileId {
        Check.matches("profileId", value, "[\\x21-\\x7E]{1,128}", "must be 1 to 128 visible ASCII characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
