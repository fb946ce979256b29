package org.personalshopper.domain;

/**
 * Where to send the browser after sign-in: a path on this service only. {@code //host}, {@code /\host},
 * schemes and control characters are refused, so sign-in cannot be turned into an open redirect.
 */
public record ReturnPath(String value) {
    /** Kept small: an unauthenticated caller chooses it and it is stored with the sign-in attempt. */
    public static final int MAX_LENGTH = 512;
    public static final ReturnPath HOME = new ReturnPath("/");

    public ReturnPath {
        Check.present("returnTo", value);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("returnTo", "must be at most " + MAX_LENGTH + " characters");
        }
        if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")
                || value.chars().anyMatch(c -> c < 0x21 || c > 0x7E || c == '\\')) {
            throw new InvalidValueException("returnTo", "must be a local path such as /lists");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
