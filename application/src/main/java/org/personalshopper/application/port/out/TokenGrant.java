package org.personalshopper.application.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;

/** What the grocer's token endpoint granted. A client-credentials grant has no refresh token. */
public record TokenGrant(AccessToken accessToken, Optional<String> refreshToken, Duration expiresIn) {
    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("a granted token must have a positive lifetime");
        }
    }

    @Override
    public String toString() {
        return "TokenGrant[expiresIn=" + expiresIn + ", tokens redacted]";
    }
}
