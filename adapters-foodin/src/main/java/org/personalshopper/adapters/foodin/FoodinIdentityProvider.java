package org.personalshopper.adapters.foodin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;
import org.personalshopper.domain.ProviderFailure;

/**
 * Foodin as the sign-in port sees it. Foodin offers sign-in only: no banners, no PKCE, no client-credentials grant,
 * and no identity endpoint: the user id comes with the code exchange's answer ({@code foodin_user_id}).
 *
 * <p>Two bridges to today's port, both to go when the port carries the user id and an unknown lifetime (issue 11):
 * <ul>
 *   <li>{@link #profile(AccessToken)} answers the user id that came with that access token (from its code exchange,
 *       or a refresh answer that named it), remembered in memory by the token's SHA-256 for the last
 *       {@value #MAX_REMEMBERED_TOKENS} tokens issued here;</li>
 *   <li>a grant whose lifetime Foodin did not state reports {@link #UNSTATED_LIFETIME}, so the token is refreshed
 *       at least that often and is never taken to live forever.</li>
 * </ul>
 */
public final class FoodinIdentityProvider implements IdentityProvider {
    public static final Provider FOODIN = new Provider("foodin");
    /** What a grant without {@code expires_in} reports to a port that needs a lifetime. */
    public static final Duration UNSTATED_LIFETIME = Duration.ofHours(1);
    /** Access tokens whose user id is remembered at most: a sign-in asks for it right after its exchange. */
    static final int MAX_REMEMBERED_TOKENS = 1_000;

    private final FoodinOAuth oauth;
    /** SHA-256 of an access token to its user id, least recently issued first out; never the token itself. */
    private final Map<String, ProfileId> userIdsByTokenHash = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProfileId> eldest) {
            return size() > MAX_REMEMBERED_TOKENS;
        }
    };

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

    /** Sent once, never retried (a second exchange would revoke the connection); see {@link FoodinOAuth#exchangeCode}. */
    @Override
    public TokenGrant exchangeCode(String code, Optional<String> codeVerifier) {
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        if (codeVerifier.isPresent()) {
            throw new IllegalArgumentException("Foodin takes no PKCE verifier");
        }
        FoodinGrant grant = oauth.exchangeCode(code);
        remember(grant);
        return tokenGrant(grant);
    }

    /** The new access token replaces the old one, which Foodin has revoked; no refresh token sent: keep the old one. */
    @Override
    public TokenGrant refresh(String refreshToken) {
        FoodinGrant grant = oauth.refresh(refreshToken, Optional.empty());
        remember(grant);
        return tokenGrant(grant);
    }

    /** Foodin has no client-credentials grant: it cannot serve catalog or store search. */
    @Override
    public TokenGrant appToken() {
        throw new ProviderException(ProviderFailure.REJECTED,
                "Foodin offers no app token (client credentials): catalog and store search need another provider");
    }

    /**
     * The user id that came with this access token; Foodin has no identity endpoint to ask. A token this adapter
     * did not receive (or no longer remembers) identifies no one: {@code UNAUTHORIZED}, as an unknown token would be
     * at an identity endpoint.
     */
    @Override
    public ProfileId profile(AccessToken shopperToken) {
        Objects.requireNonNull(shopperToken, "shopperToken");
        ProfileId userId;
        synchronized (userIdsByTokenHash) {
            userId = userIdsByTokenHash.get(sha256(shopperToken.value()));
        }
        if (userId == null) {
            throw new ProviderException(ProviderFailure.UNAUTHORIZED,
                    "Foodin has no identity endpoint, and this access token came with no Foodin user id here");
        }
        return userId;
    }

    private void remember(FoodinGrant grant) {
        grant.foodinUserId().ifPresent(userId -> {
            synchronized (userIdsByTokenHash) {
                userIdsByTokenHash.put(sha256(grant.accessToken().value()), userId);
            }
        });
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static TokenGrant tokenGrant(FoodinGrant grant) {
        return new TokenGrant(grant.accessToken(), grant.refreshToken(), grant.expiresIn().orElse(UNSTATED_LIFETIME));
    }
}
