package org.personalshopper.adapters.kroger;

import static org.personalshopper.adapters.http.JsonFields.object;
import static org.personalshopper.adapters.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.adapters.http.ClientCredentials;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.adapters.http.ProviderRequest;
import org.personalshopper.adapters.http.TokenAnswer;
import org.personalshopper.adapters.http.UriEncoding;
import org.personalshopper.application.port.out.AuthorizationRequest;
import org.personalshopper.application.port.out.IdentityProvider;
import org.personalshopper.application.port.out.TokenGrant;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Banner;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProfileId;
import org.personalshopper.domain.Provider;

/**
 * Kroger's OAuth2 server (authorize URL, the three token grants) and its Identity API (the shopper's
 * profile id). Every token call authenticates the app with HTTP Basic, as Kroger documents.
 */
public final class KrogerIdentityProvider implements IdentityProvider {
    static final Provider KROGER = new Provider("kroger");
    static final String AUTHORIZE_PATH = "/v1/connect/oauth2/authorize";
    static final String TOKEN_PATH = "/v1/connect/oauth2/token";
    static final String PROFILE_PATH = "/v1/identity/profile";
    /** Catalog and store search act for no shopper: a client-credentials token with this scope is enough. */
    static final String APP_TOKEN_SCOPE = "product.compact";
    /** The banners Kroger's sign-in page can wear (Kroger docs: 24 values). */
    static final Set<String> BANNERS = Set.of("bakers", "citymarket", "dillons", "fredmeyer", "frys", "gerbes",
            "kingsoopers", "kroger", "metromarket", "picknsave", "qfc", "ralphs", "smiths", "food4less", "foodsco",
            "harristeeter", "vons", "fredmeyerjewelers", "jaycfoods", "marianos", "payless", "ppsrx", "rulerfoods",
            "copps");

    private final ProviderHttp http;
    private final KrogerSettings settings;
    private final ClientCredentials credentials;

    KrogerIdentityProvider(KrogerSettings settings, ProviderHttp http) {
        this.http = Objects.requireNonNull(http);
        this.settings = Objects.requireNonNull(settings);
        this.credentials = new ClientCredentials(settings.clientId(), settings.clientSecret(),
                ClientCredentials.Presentation.BASIC);
    }

    @Override
    public Provider provider() {
        return KROGER;
    }

    @Override
    public boolean knowsBanner(Banner banner) {
        return banner != null && BANNERS.contains(banner.name());
    }

    @Override
    public boolean usesPkce() {
        return settings.pkce();
    }

    /**
     * {@code /v1/connect/oauth2/authorize?client_id&redirect_uri&response_type=code&scope&state}, then the
     * PKCE challenge and the banner when given; every value percent-encoded (a space as {@code %20}).
     */
    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.state().isBlank()) {
            throw new IllegalArgumentException("a sign-in needs a state");
        }
        if (settings.pkce() != request.codeChallenge().isPresent()) {
            // Kroger binds the code to the challenge: a mismatch here would fail the exchange later, confusingly.
            throw new IllegalArgumentException(settings.pkce()
                    ? "PKCE is on for Kroger: the sign-in needs a code challenge"
                    : "PKCE is off for Kroger: the sign-in must not carry a code challenge");
        }
        request.banner().ifPresent(banner -> {
            if (!knowsBanner(banner)) {
                throw new InvalidValueException("banner", "is not a Kroger banner");
            }
        });
        List<Map.Entry<String, String>> query = new ArrayList<>();
        query.add(Map.entry("client_id", settings.clientId()));
        query.add(Map.entry("redirect_uri", settings.redirectUri().toString()));
        query.add(Map.entry("response_type", "code"));
        query.add(Map.entry("scope", settings.scopeString()));
        query.add(Map.entry("state", request.state()));
        request.codeChallenge().ifPresent(challenge -> {
            query.add(Map.entry("code_challenge", challenge));
            query.add(Map.entry("code_challenge_method", "S256"));
        });
        request.banner().ifPresent(banner -> query.add(Map.entry("banner", banner.name())));
        return URI.create(settings.apiBaseUrl() + AUTHORIZE_PATH + "?" + UriEncoding.form(query));
    }

    @Override
    public TokenGrant exchangeCode(String code, Optional<String> codeVerifier) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an authorization code is required");
        }
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("grant_type", "authorization_code"));
        form.add(Map.entry("code", code));
        form.add(Map.entry("redirect_uri", settings.redirectUri().toString()));
        codeVerifier.ifPresent(verifier -> form.add(Map.entry("code_verifier", verifier)));
        ProviderRequest request = tokenRequest("sign-in (authorization code exchange)", form)
                .secret(code).secret(codeVerifier.orElse(null));
        return grant(request);
    }

    @Override
    public TokenGrant refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("a refresh token is required");
        }
        ProviderRequest request = tokenRequest("token refresh",
                List.of(Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", refreshToken)))
                .secret(refreshToken)
                .clientErrorMeansRejected();
        return grant(request);
    }

    @Override
    public TokenGrant appToken() {
        return grant(tokenRequest("app token request (client credentials)",
                List.of(Map.entry("grant_type", "client_credentials"), Map.entry("scope", APP_TOKEN_SCOPE))));
    }

    @Override
    public ProfileId profile(AccessToken shopperToken) {
        Objects.requireNonNull(shopperToken, "shopperToken");
        ProviderRequest request = ProviderRequest.get(PROFILE_PATH, "profile lookup")
                .bearer(shopperToken)
                .needsScope("profile.compact");
        JsonNode root = http.jsonObject(request, http.call(request));
        Optional<String> id = object(root, "data").flatMap(data -> text(data, "id"));
        try {
            return new ProfileId(id.orElseThrow(() -> http.badResponse(request, "had no profile id")));
        } catch (InvalidValueException e) {
            throw http.badResponse(request, "had a profile id that is not one");
        }
    }

    private ProviderRequest tokenRequest(String purpose, List<Map.Entry<String, String>> form) {
        return ProviderRequest.post(TOKEN_PATH, purpose)
                .form(form)
                .clientCredentials(credentials);
    }

    /** access_token, token_type (bearer, any case), expires_in (Kroger always sends it) and an optional refresh_token. */
    private TokenGrant grant(ProviderRequest request) {
        TokenAnswer answer = TokenAnswer.request(http, request);
        Duration lifetime = answer.expiresIn().orElseThrow(() -> http.badResponse(request, "had no valid expires_in"));
        return new TokenGrant(answer.accessToken(), answer.refreshToken(), lifetime);
    }
}
