package org.personalshopper.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/** Each shopper's grocer tokens, encrypted at rest by the implementation. */
public interface TokenRepository {
    /** Stores (or replaces) the shopper's tokens as usable, all fields in one write. */
    void save(ShopperId shopperId, TokenSet tokens);

    Optional<ShopperTokens> find(ShopperId shopperId);

    /**
     * Until when the shopper's access token lasts, when their tokens are usable; empty otherwise. Tells
     * whether the shopper is connected without reading the tokens themselves (an implementation that
     * encrypts need not decrypt).
     */
    default Optional<Instant> usableUntil(ShopperId shopperId) {
        return find(shopperId).filter(ShopperTokens::usable).map(t -> t.tokens().accessTokenExpiresAt());
    }

    /**
     * Like {@link #find} but locks the shopper's token row until the surrounding transaction ends, so that
     * of any number of instances only one refreshes at a time. Must run inside {@link Transactions}.
     */
    Optional<ShopperTokens> findForUpdate(ShopperId shopperId);

    /** Marks the tokens unusable: the grocer refused the refresh token. The tokens are kept as they were. */
    void markUnusable(ShopperId shopperId);
}
