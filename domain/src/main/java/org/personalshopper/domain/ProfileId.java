package org.personalshopper.domain;

/** The shopper's id at the provider. Opaque text, 1 to 128 visible characters. */
public record ProfileId(String value) {
    private static final Check.Chars VISIBLE_ASCII = Check.Chars.of("!-~");

    public ProfileId {
        Check.chars("profileId", value, VISIBLE_ASCII, 1, 128, "must be 1 to 128 visible ASCII characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
