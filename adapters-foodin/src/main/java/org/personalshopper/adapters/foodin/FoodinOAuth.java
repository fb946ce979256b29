package org.personalshopper.adapters.foodin;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.adapters.http.ClientCredentials;
import org.personalshopper.adapters.http.ProviderEndpoint;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.adapters.http.ProviderRequest;
import org.personalshopper.adapters.http.TokenAnswer;
import org.personalshopper.adapters.http.UriEncoding;
import org.personalshopper.domain.InvalidValueException;
import org.personalshopper.domain.ProfileId;

/**
 * Foodin Connect's OAuth endpoints as {@code foodin-api.md} describes them: the authorize URL, the code exchange and
 * the refresh. The application authenticates with its secret key as the {@code client_secret} form parameter (never
 * HTTP Basic); no PKCE challenge is sent (Foodin's reference never mentions PKCE).
 *
 * <p>Foodin's token endpoint is not idempotent: a code consumed twice revokes the whole connection. So a code
 * exchange is sent exactly once, whatever happens: a timeout or a reset after the request went out is reported as an
 * outage ({@code TIMED_OUT}), never retried. {@link ProviderHttp} retries nothing.
 *
 * <p>Every failure is a {@link org.personalshopper.application.port.out.ProviderException} with a reason safe to show.
 */
public final class FoodinOAuth {
    static final String AUTHORIZE_PATH = "/oauth/authorize";
    static final String TOKEN_PATH = "/oauth/token";
    static final String CREDENTIALS_HINT = "check FOODIN_CLIENT_ID and FOODIN_CLIENT_SECRET";

    private final FoodinSettings settings;
    private final ProviderHttp http;
    private final ClientCredentials credentials;

    FoodinOAuth(FoodinSettings settings, ProviderHttp http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = new ClientCredentials(settings.clientId(), settings.clientSecret(),
                ClientCredentials.Presentation.FORM_SECRET);
    }

    /** The client for one Foodin application, with its own HTTP client. */
    public static FoodinOAuth create(FoodinSettings settings) {
        return create(settings, Clock.systemUTC());
    }

    /** With a clock for turning a {@code Retry-After} date into a wait. */
    public static FoodinOAuth create(FoodinSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        return new FoodinOAuth(settings, ProviderHttp.create(endpoint(settings), clock));
    }

    static ProviderEndpoint endpoint(FoodinSettings settings) {
        return new ProviderEndpoint("Foodin", settings.baseUrl(), settings.connectTimeout(), settings.requestTimeout(),
                CREDENTIALS_HINT);
    }

    public FoodinSettings settings() {
        return settings;
    }

    /**
     * {@code /oauth/authorize?client_id&response_type=code&redirect_uri&scope&state}, every value percent-encoded.
     * The redirect URI is always sent, so Foodin never falls back to another default than the one configured here.
     */
    public URI authorizationUrl(String state) {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("a sign-in needs a state");
        }
        List<Map.Entry<String, String>> query = List.of(
                Map.entry("client_id", settings.clientId()),
                Map.entry("response_type", "code"),
                Map.entry("redirect_uri", settings.redirectUri().toString()),
                Map.entry("scope", settings.scope().wireName()),
                Map.entry("state", state));
        return URI.create(settings.baseUrl() + AUTHORIZE_PATH + "?" + UriEncoding.form(query));
    }

    /**
     * Trades a code for the user's tokens and Foodin user id. Sent once: any failure, including one where the
     * request may have reached Foodin, is thrown and never retried.
     */
    public FoodinGrant exchangeCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an authorization code is required");
        }
        ProviderRequest request = ProviderRequest.post(TOKEN_PATH, "sign-in (authorization code exchange)")
                .form(List.of(Map.entry("grant_type", "authorization_code"), Map.entry("code", code)))
                .secret(code)
                .clientCredentials(credentials);
        FoodinGrant grant = grant(request);
        if (grant.foodinUserId().isEmpty()) {
            throw http.badResponse(request, "had no foodin_user_id");
        }
        return grant;
    }

    /**
     * Trades a refresh token for a new access token, of the configured scope's width unless {@code narrowerScope}
     * asks for less ({@code read_only} from {@code read_write}). Foodin revokes the previous access token of the same
     * scope and mode: the caller must use the new one from now on. An answer without {@code refresh_token} means the
     * old refresh token stays valid. Any 4xx but a rate limit or a refused client secret means the refresh token is
     * dead ({@code REJECTED}): the user must connect again.
     */
    public FoodinGrant refresh(String refreshToken, Optional<FoodinScope> narrowerScope) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("a refresh token is required");
        }
        Objects.requireNonNull(narrowerScope, "narrowerScope");
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("grant_type", "refresh_token"));
        form.add(Map.entry("refresh_token", refreshToken));
        narrowerScope.ifPresent(scope -> form.add(Map.entry("scope", scope.wireName())));
        ProviderRequest request = ProviderRequest.post(TOKEN_PATH, "token refresh")
                .form(form)
                .secret(refreshToken)
                .clientCredentials(credentials)
                .clientErrorMeansRejected();
        return grant(request);
    }

    /** Read tolerantly: {@code expires_in}, {@code refresh_token}, {@code scope} and the user id may be absent. */
    private FoodinGrant grant(ProviderRequest request) {
        TokenAnswer answer = TokenAnswer.request(http, request);
        Optional<ProfileId> userId;
        try {
            userId = answer.text("foodin_user_id").map(ProfileId::new);
        } catch (InvalidValueException e) {
            throw http.badResponse(request, "had a foodin_user_id that is not one");
        }
        return new FoodinGrant(answer.accessToken(), answer.refreshToken(), answer.expiresIn(), userId,
                answer.text("scope").flatMap(FoodinScope::parse));
    }
}
