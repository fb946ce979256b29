package org.personalshopper.adapters.foodin;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.SignInGrant;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;

/**
 * Foodin as the sign-in port sees it. Foodin offers sign-in only: no banners, no PKCE, no client-credentials grant,
 * and no identity endpoint: the user id of a sign-in comes with the code exchange's answer ({@code foodin_user_id}),
 * and goes to the core in the {@link SignInGrant}. A grant whose lifetime Foodin did not state reports
 * {@link #UNSTATED_LIFETIME} (the port needs one), so the token is refreshed at least that often and is never taken
 * to live forever.
 */
public final class FoodinIdentityProvider implements IdentityProvider {
    public static final Provider FOODIN = new Provider("foodin");
    /** What a grant without {@code expires_in} reports to a port that needs a lifetime. */
    public static final Duration UNSTATED_LIFETIME = Duration.ofHours(1);

    private final FoodinOAuth oauth;

    public FoodinIdentityProvider(FoodinOAuth oauth) {
        this.oauth = Objects.requireNonNull(oauth, "oauth");
    }

    /** The sign-in port for one Foodin application: what the bootstrap binds when Foodin is configured. */
    public static FoodinIdentityProvider create(FoodinSettings settings) {
        return new FoodinIdentityProvider(FoodinOAuth.create(settings));
    }

    @Override
    public Provider provider() {
        return FOODIN;
    }

    /** Foodin's sign-in page wears no banner. */
    @Override
    public boolean knowsBanner(Banner banner) {
        return false;
    }

    /** Foodin's reference never mentions PKCE: no challenge is sent. */
    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.codeChallenge().isPresent()) {
            throw new IllegalArgumentException("Foodin takes no PKCE challenge");
        }
        if (request.banner().isPresent()) {
            throw new InvalidValueException("banner", "is not offered by Foodin");
        }
        return oauth.authorizationUrl(request.state());
    }

    /**
     * Sent once, never retried (a second exchange would revoke the connection); see {@link FoodinOAuth#exchangeCode}.
     * The user id is the answer's {@code foodin_user_id} (an answer without it is refused there).
     */
    @Override
    public SignInGrant exchangeCode(String code, Optional<String> codeVerifier) {
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        if (codeVerifier.isPresent()) {
            throw new IllegalArgumentException("Foodin takes no PKCE verifier");
        }
        FoodinGrant grant = oauth.exchangeCode(code);
        ProfileId userId = grant.foodinUserId().orElseThrow(() -> new ProviderException(ProviderFailure.BAD_RESPONSE,
                "Foodin's token answer named no foodin_user_id"));
        return new SignInGrant(tokenGrant(grant), userId);
    }

    /** The new access token replaces the old one, which Foodin has revoked; no refresh token sent: keep the old one. */
    @Override
    public TokenGrant refresh(String refreshToken) {
        return tokenGrant(oauth.refresh(refreshToken, Optional.empty()));
    }

    /** Foodin has no client-credentials grant: it cannot serve catalog or store search. */
    @Override
    public TokenGrant appToken() {
        throw new ProviderException(ProviderFailure.REJECTED,
                "Foodin offers no app token (client credentials): catalog and store search need another provider");
    }

    private static TokenGrant tokenGrant(FoodinGrant grant) {
        return new TokenGrant(grant.accessToken(), grant.refreshToken(), grant.expiresIn().orElse(UNSTATED_LIFETIME));
    }
}
