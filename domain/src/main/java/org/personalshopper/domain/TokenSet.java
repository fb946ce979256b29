package org.personalshopper.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A shopper's provider tokens: access token, refresh token, when the access token was issued and when it
 * expires. Always replaced as a whole, so access and refresh token never come from different grants.
 */
public record TokenSet(AccessToken accessToken, String refreshToken, Instant issuedAt, Instant accessTokenExpiresAt) {
    public TokenSet {
        Check.requireNonNull(accessToken, "access token");
        Check.notBlank("refresh token", refreshToken);
        Check.requireNonNull(issuedAt, "issuedAt");
        Check.requireNonNull(accessTokenExpiresAt, "expiry");
        if (accessTokenExpiresAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("a token cannot expire before it is issued");
        }
    }

    public static TokenSet issued(AccessToken accessToken, String refreshToken, Instant now, Duration expiresIn) {
        return new TokenSet(accessToken, refreshToken, now, now.plus(expiresIn));
    }

    public Duration lifetime() {
        return Duration.between(issuedAt, accessTokenExpiresAt);
    }

    /**
     * True when the access token has expired or will within the skew. The skew is clamped to a tenth of
     * the token's lifetime, so very short-lived tokens are not refreshed on every call.
     */
    public boolean needsRefresh(Instant now, Duration skew) {
        Duration tenth = lifetime().dividedBy(10);
        Duration effectiveSkew = skew.compareTo(tenth) > 0 ? tenth : skew;
        return !now.plus(effectiveSkew).isBefore(accessTokenExpiresAt);
    }

    /** The set after a refresh: a provider that does not rotate refresh tokens leaves the old one in force. */
    public TokenSet refreshedWith(AccessToken newAccessToken, Optional<String> newRefreshToken, Instant now, Duration expiresIn) {
        return issued(newAccessToken, newRefreshToken.orElse(refreshToken), now, expiresIn);
    }

    @Override
    public String toString() {
        return "TokenSet[issuedAt=" + issuedAt + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", tokens redacted]";
    }
}
