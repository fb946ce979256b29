package org.personalshopper.adapters.kroger;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.personalshopper.adapters.http.ProviderSettingsChecks;

/**
 * How to reach Kroger as one registered app.
 *
 * @param apiBaseUrl     scheme and host (and port), e.g. {@code https://api.kroger.com}; paths incl. {@code /v1} are appended
 * @param clientId       the app's client id (not secret: it is part of the sign-in URL)
 * @param clientSecret   the app's client secret; never shown by {@link #toString()}
 * @param redirectUri    the callback registered for the app, sent character for character at authorize and token time
 * @param scopes         the scopes asked for at sign-in, e.g. {@code profile.compact cart.basic:write product.compact}
 * @param pkce           whether a PKCE S256 challenge is sent at authorize
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for Kroger's answer once connected
 */
public record KrogerSettings(URI apiBaseUrl, String clientId, String clientSecret, URI redirectUri, List<String> scopes,
                             boolean pkce, Duration connectTimeout, Duration requestTimeout) {
    /** How messages name this provider. */
    private static final String PROVIDER = "Kroger";

    public static final URI PRODUCTION_BASE_URL = URI.create("https://api.kroger.com");
    public static final URI CERTIFICATION_BASE_URL = URI.create("https://api-ce.kroger.com");
    public static final List<String> DEFAULT_SCOPES = List.of("profile.compact", "cart.basic:write", "product.compact");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public KrogerSettings {
        apiBaseUrl = checkBaseUrl(apiBaseUrl);
        clientId = ProviderSettingsChecks.credential(PROVIDER, "clientId", clientId);
        if (clientId.indexOf(':') >= 0) {
            // Basic auth joins id and secret with ':'; an id containing one could not be told apart.
            throw new IllegalArgumentException("Kroger clientId must not contain ':'");
        }
        clientSecret = ProviderSettingsChecks.credential(PROVIDER, "clientSecret", clientSecret);
        redirectUri = ProviderSettingsChecks.redirectUri(PROVIDER, redirectUri);
        scopes = checkScopes(scopes);
        connectTimeout = ProviderSettingsChecks.positive(PROVIDER, "connectTimeout", connectTimeout);
        requestTimeout = ProviderSettingsChecks.positive(PROVIDER, "requestTimeout", requestTimeout);
    }

    /** Settings with the default timeouts (2 s to connect, 10 s for an answer). */
    public static KrogerSettings of(URI apiBaseUrl, String clientId, String clientSecret, URI redirectUri,
                                    List<String> scopes, boolean pkce) {
        return new KrogerSettings(apiBaseUrl, clientId, clientSecret, redirectUri, scopes, pkce,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The same settings with other timeouts. */
    public KrogerSettings withTimeouts(Duration connect, Duration request) {
        return new KrogerSettings(apiBaseUrl, clientId, clientSecret, redirectUri, scopes, pkce, connect, request);
    }

    /** Scopes as Kroger wants them in the authorize URL: space separated. */
    public String scopeString() {
        return String.join(" ", scopes);
    }

    @Override
    public String toString() {
        return "KrogerSettings[apiBaseUrl=" + apiBaseUrl + ", clientId=" + clientId + ", clientSecret=[redacted]"
                + ", redirectUri=" + redirectUri + ", scopes=" + scopes + ", pkce=" + pkce
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }

    private static List<String> checkScopes(List<String> scopes) {
        Objects.requireNonNull(scopes, "Kroger scopes are required");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("Kroger scopes must name at least one scope");
        }
        for (String scope : scopes) {
            if (scope == null || !scope.matches("[\\x21-\\x7E]+") || scope.contains("\"") || scope.contains("\\")) {
                throw new IllegalArgumentException("Kroger scopes must be visible ASCII words such as product.compact");
            }
        }
        return List.copyOf(scopes);
    }

    private static URI checkBaseUrl(URI url) {
        return ProviderSettingsChecks.origin(PROVIDER, "apiBaseUrl", url,
                "scheme and host only, e.g. https://api.kroger.com (got a path, query or user info)");
    }
}
