package org.personalshopper.application.port.in;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.ShopperId;

/**
 * Hands out a fresh grocer token for a shopper: refreshed when expired or close to it, at most one refresh
 * at a time per shopper across threads and instances.
 */
public interface RefreshToken {
    /** Whether the shopper's grocer connection is usable, and until when the current access token lasts. */
    record ConnectionStatus(boolean connected, Optional<Instant> accessTokenExpiresAt) {
    }

    /**
     * @throws SignInRequiredException when the shopper has no usable tokens or the grocer refused the refresh
     * @throws GrocerConnectionUnavailableException when a needed refresh failed for a passing reason
     */
    AccessToken freshAccessToken(ShopperId shopperId);

    /**
     * Runs {@code call} with a fresh token; when the grocer answers it with UNAUTHORIZED, refreshes once and
     * runs it once more. A second UNAUTHORIZED is thrown, not looped on.
     */
    <T> T withFreshToken(ShopperId shopperId, Function<AccessToken, T> call);

    ConnectionStatus status(ShopperId shopperId);
}
