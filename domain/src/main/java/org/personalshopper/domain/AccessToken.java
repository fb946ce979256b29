package org.personalshopper.domain;

/** A bearer token for the provider's API. Its text never appears in {@link #toString()}, so never in a log. */
public record AccessToken(String value) {
    public AccessToken {
        Check.notBlank("access token", value);
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
