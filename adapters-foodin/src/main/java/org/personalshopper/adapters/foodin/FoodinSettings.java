package org.personalshopper.adapters.foodin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.adapters.http.ProviderSettingsChecks;

/**
 * How to reach Foodin Connect as one registered application.
 *
 * @param baseUrl        scheme, host and port, e.g. {@code https://connect.foodin.example}; {@code /oauth/authorize}
 *                       and {@code /oauth/token} are appended
 * @param clientId       the application's client id (test or live; not secret, it is part of the sign-in URL)
 * @param clientSecret   the secret key of the same mode; never shown by {@link #toString()}
 * @param redirectUri    the callback configured at Foodin, sent character for character at authorize
 * @param scope          asked for at sign-in
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for Foodin's answer once connected
 */
public record FoodinSettings(URI baseUrl, String clientId, String clientSecret, URI redirectUri, FoodinScope scope,
                             Duration connectTimeout, Duration requestTimeout) {
    /** How messages name this provider. */
    private static final String PROVIDER = "Foodin";

    public static final FoodinScope DEFAULT_SCOPE = FoodinScope.READ_WRITE;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The callback path the service serves for Foodin. */
    public static final String CALLBACK_PATH = "/auth/callback/foodin";

    public FoodinSettings {
        baseUrl = checkBaseUrl(baseUrl);
        clientId = ProviderSettingsChecks.credential(PROVIDER, "clientId", clientId);
        clientSecret = ProviderSettingsChecks.credential(PROVIDER, "clientSecret", clientSecret);
        redirectUri = ProviderSettingsChecks.redirectUri(PROVIDER, redirectUri);
        Objects.requireNonNull(scope, "Foodin scope is required");
        connectTimeout = ProviderSettingsChecks.positive(PROVIDER, "connectTimeout", connectTimeout);
        requestTimeout = ProviderSettingsChecks.positive(PROVIDER, "requestTimeout", requestTimeout);
    }

    /** Settings with the default timeouts (2 s to connect, 10 s for an answer). */
    public static FoodinSettings of(URI baseUrl, String clientId, String clientSecret, URI redirectUri, FoodinScope scope) {
        return new FoodinSettings(baseUrl, clientId, clientSecret, redirectUri, scope, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT);
    }

    public FoodinSettings withTimeouts(Duration connect, Duration request) {
        return new FoodinSettings(baseUrl, clientId, clientSecret, redirectUri, scope, connect, request);
    }

    /**
     * Foodin's variables, read once at start-up: {@code FOODIN_CLIENT_ID} turns Foodin on (empty: Foodin is not
     * configured); {@code FOODIN_CLIENT_SECRET} and {@code FOODIN_BASE_URL} are then required, and are refused
     * without it; {@code FOODIN_REDIRECT_URI} defaults to {@code http://localhost:${shopperPort}/auth/callback/foodin};
     * {@code FOODIN_SCOPE} is {@code read_write} (default) or {@code read_only}. Blank counts as unset.
     *
     * @throws IllegalArgumentException one line naming the variable that is missing or malformed; never a secret's value
     */
    public static Optional<FoodinSettings> fromEnvironment(Map<String, String> env, int shopperPort) {
        Variables read = new Variables(env);
        Optional<String> clientId = read.text("FOODIN_CLIENT_ID");
        Optional<String> clientSecret = read.text("FOODIN_CLIENT_SECRET");
        Optional<String> baseUrl = read.text("FOODIN_BASE_URL");
        URI redirectUri = redirectUri(env, shopperPort);
        FoodinScope scope = scope(env);
        if (clientId.isEmpty()) {
            if (clientSecret.isPresent() || baseUrl.isPresent()) {
                throw new IllegalArgumentException("FOODIN_CLIENT_ID is required when "
                        + (clientSecret.isPresent() ? "FOODIN_CLIENT_SECRET" : "FOODIN_BASE_URL")
                        + " is set (leave all FOODIN_ variables unset to run without Foodin)");
            }
            return Optional.empty();
        }
        String secret = clientSecret.orElseThrow(() ->
                new IllegalArgumentException("FOODIN_CLIENT_SECRET is required when FOODIN_CLIENT_ID is set"));
        URI base = baseUrl.map(url -> read.uri("FOODIN_BASE_URL", url)).orElseThrow(() ->
                new IllegalArgumentException("FOODIN_BASE_URL is required when FOODIN_CLIENT_ID is set "
                        + "(scheme, host and port of Foodin Connect)"));
        try {
            checkBaseUrl(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FOODIN_BASE_URL must be scheme, host and port only, e.g. "
                    + "https://connect.foodin.example (no path, query or user info)");
        }
        checkVariable("FOODIN_CLIENT_ID", clientId.get(), false);
        checkVariable("FOODIN_CLIENT_SECRET", secret, true);
        return Optional.of(of(base, clientId.get(), secret, redirectUri, scope));
    }

    /**
     * {@code FOODIN_REDIRECT_URI}, or {@code http://localhost:${shopperPort}/auth/callback/foodin}: what demo mode
     * registers with the Foodin sandbox too.
     */
    public static URI redirectUri(Map<String, String> env, int shopperPort) {
        Variables read = new Variables(env);
        URI uri = read.text("FOODIN_REDIRECT_URI").map(value -> read.uri("FOODIN_REDIRECT_URI", value))
                .orElse(URI.create("http://localhost:" + shopperPort + CALLBACK_PATH));
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("FOODIN_REDIRECT_URI must include the callback path and no fragment, "
                    + "e.g. https://shop.example" + CALLBACK_PATH);
        }
        return uri;
    }

    /** {@code FOODIN_SCOPE}: {@code read_write} (default) or {@code read_only}. */
    public static FoodinScope scope(Map<String, String> env) {
        return new Variables(env).text("FOODIN_SCOPE").map(value -> FoodinScope.parse(value).orElseThrow(() ->
                new IllegalArgumentException("FOODIN_SCOPE must be read_write or read_only, got '" + value + "'")))
                .orElse(DEFAULT_SCOPE);
    }

    @Override
    public String toString() {
        return "FoodinSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=[redacted]"
                + ", redirectUri=" + redirectUri + ", scope=" + scope + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static void checkVariable(String name, String value, boolean secret) {
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException(name + " must not contain spaces or control characters"
                    + (secret ? "" : ", got '" + value + "'"));
        }
    }


    /** Reads variables; blank counts as unset. */
    private record Variables(Map<String, String> env) {
        Optional<String> text(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        URI uri(String name, String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(name + " must be an http(s) URL, got '" + value + "'");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(name + " must be an http(s) URL with a host and no query, got '" + value + "'");
            }
            return uri;
        }
    }

    private static URI checkBaseUrl(URI url) {
        return ProviderSettingsChecks.origin(PROVIDER, "baseUrl", url, "scheme, host and port only");
    }
}
