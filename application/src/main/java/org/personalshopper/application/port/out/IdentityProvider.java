package org.personalshopper.application.port.out;

import java.net.URI;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;

/**
 * The grocer's OAuth2 authorization server and identity API. Every call that fails throws
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

    /** Trades an authorization code (and the PKCE verifier, when one was used) for the shopper's tokens. */
    TokenGrant exchangeCode(String code, Optional<String> codeVerifier);

    /** Trades a refresh token for new tokens; the grocer may rotate the refresh token. */
    TokenGrant refresh(String refreshToken);

    /** A token for calls that act for no shopper (catalog and store search): client credentials. */
    TokenGrant appToken();

    /** The shopper's stable id at the grocer. */
    ProfileId profile(AccessToken shopperToken);
}
