package org.personalshopper.application.port.out;

import java.net.URI;
import java.util.Optional;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.Provider;

/**
 * A provider's OAuth2 authorization server: how shoppers sign in with it and how their tokens are renewed. Every call that fails throws
 * {@link ProviderException}; a refresh token the grocer refuses is {@code REJECTED}.
 */
public interface IdentityProvider {
    Provider provider();

    /** Whether the grocer's sign-in page can be branded with this banner. */
    boolean knowsBanner(Banner banner);

    /** Whether a PKCE S256 challenge is sent at authorize (and the verifier at code exchange). */
    boolean usesPkce();

    /** The grocer's sign-in page to send the browser to. */
    URI authorizationUrl(AuthorizationRequest request);

    /**
     * Trades an authorization code (and the PKCE verifier, when one was used) for the shopper's tokens and
     * their stable id at the provider (from the token answer, or from the provider's identity endpoint).
     * Called once per code: never retried.
     */
    SignInGrant exchangeCode(String code, Optional<String> codeVerifier);

    /** Trades a refresh token for new tokens; the grocer may rotate the refresh token. */
    TokenGrant refresh(String refreshToken);

    /**
     * A token for calls that act for no shopper (catalog and store search): client credentials. Only asked
     * of a provider that offers a catalog or stores ({@link ProviderRegistry}).
     */
    TokenGrant appToken();
}
