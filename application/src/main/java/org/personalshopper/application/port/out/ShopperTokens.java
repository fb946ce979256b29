package org.personalshopper.application.port.out;

import java.util.Objects;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.TokenSet;

/** A shopper's stored tokens. {@code usable} is false once the grocer refused the refresh token: sign in again. */
public record ShopperTokens(ShopperId shopperId, TokenSet tokens, boolean usable) {
    public ShopperTokens {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(tokens, "tokens");
    }
}
