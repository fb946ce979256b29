package org.personalshopper.sandbox.foodin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link FoodinSandbox} behaves: where it listens, the one application it knows (a test and a live client
 * id with their secret keys, the registered redirect URIs, the first being the default), how long codes and
 * access tokens live, and the clock it reads.
 *
 * <p>Start from {@link #defaults()} and change what a test or a demo needs with the {@code with...} methods.
 *
 * @param accessTokenLifetime how long an access token lives, sent as {@code expires_in}; empty: tokens live until
 *                            revoked and the answer carries no {@code expires_in} (Foodin's reference lists none)
 */
public record FoodinSandboxSettings(
        String host,
        int port,
        String testClientId,
        String testSecretKey,
        String liveClientId,
        String liveSecretKey,
        List<String> redirectUris,
        Optional<Duration> accessTokenLifetime,
        Duration authorizationCodeLifetime,
        Clock clock) {

    /** The demo application's test-mode client id; the bootstrap's demo mode uses it. */
    public static final String DEMO_TEST_CLIENT_ID = "ca_personal_shopper_test";
    /** The demo application's test-mode secret key: public on purpose, it only opens the local sandbox. */
    public static final String DEMO_TEST_SECRET_KEY = "sk_test_sandbox_not_for_production";
    public static final String DEMO_LIVE_CLIENT_ID = "ca_personal_shopper_live";
    public static final String DEMO_LIVE_SECRET_KEY = "sk_live_sandbox_not_for_production";
    /** The service's default Foodin callback on its default port. */
    public static final String DEMO_REDIRECT_URI = "http://localhost:8080/auth/callback/foodin";

    public FoodinSandboxSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, was " + port);
        }
        requireKey(testClientId, "testClientId");
        requireKey(testSecretKey, "testSecretKey");
        requireKey(liveClientId, "liveClientId");
        requireKey(liveSecretKey, "liveSecretKey");
        // The secret decides the mode of a token call, and the client id that of an authorize: never ambiguous.
        if (testClientId.equals(liveClientId) || testSecretKey.equals(liveSecretKey)) {
            throw new IllegalArgumentException("the test and live client ids and secret keys must differ");
        }
        redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("at least one redirect URI must be registered");
        }
        redirectUris.forEach(FoodinSandboxSettings::requireAbsoluteHttpUri);
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        accessTokenLifetime.ifPresent(lifetime -> requirePositive(lifetime, "accessTokenLifetime"));
        requirePositive(authorizationCodeLifetime, "authorizationCodeLifetime");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loopback, any free port, the demo application ({@link #DEMO_TEST_CLIENT_ID} and {@link #DEMO_LIVE_CLIENT_ID}
     * with their secret keys), redirect {@link #DEMO_REDIRECT_URI}, access tokens for one hour, codes for the
     * 5 minutes Foodin states, the system clock.
     */
    public static FoodinSandboxSettings defaults() {
        return new FoodinSandboxSettings("127.0.0.1", 0, DEMO_TEST_CLIENT_ID, DEMO_TEST_SECRET_KEY,
                DEMO_LIVE_CLIENT_ID, DEMO_LIVE_SECRET_KEY, List.of(DEMO_REDIRECT_URI),
                Optional.of(Duration.ofHours(1)), Duration.ofMinutes(5), Clock.systemUTC());
    }

    public FoodinSandboxSettings withHost(String newHost) {
        return new FoodinSandboxSettings(newHost, port, testClientId, testSecretKey, liveClientId, liveSecretKey,
                redirectUris, accessTokenLifetime, authorizationCodeLifetime, clock);
    }

    public FoodinSandboxSettings withPort(int newPort) {
        return new FoodinSandboxSettings(host, newPort, testClientId, testSecretKey, liveClientId, liveSecretKey,
                redirectUris, accessTokenLifetime, authorizationCodeLifetime, clock);
    }

    public FoodinSandboxSettings withTestClient(String clientId, String secretKey) {
        return new FoodinSandboxSettings(host, port, clientId, secretKey, liveClientId, liveSecretKey,
                redirectUris, accessTokenLifetime, authorizationCodeLifetime, clock);
    }

    public FoodinSandboxSettings withLiveClient(String clientId, String secretKey) {
        return new FoodinSandboxSettings(host, port, testClientId, testSecretKey, clientId, secretKey,
                redirectUris, accessTokenLifetime, authorizationCodeLifetime, clock);
    }

    /** The registered redirect URIs; the first is the default used when an authorize request names none. */
    public FoodinSandboxSettings withRedirectUris(List<String> newRedirectUris) {
        return new FoodinSandboxSettings(host, port, testClientId, testSecretKey, liveClientId, liveSecretKey,
                newRedirectUris, accessTokenLifetime, authorizationCodeLifetime, clock);
    }

    public FoodinSandboxSettings withAccessTokenLifetime(Duration lifetime) {
        return new FoodinSandboxSettings(host, port, testClientId, testSecretKey, liveClientId, liveSecretKey,
                redirectUris, Optional.of(lifetime), authorizationCodeLifetime, clock);
    }

    /** Access tokens that live until revoked, answered without {@code expires_in}. */
    public FoodinSandboxSettings withoutExpiresIn() {
        return new FoodinSandboxSettings(host, port, testClientId, testSecretKey, liveClientId, liveSecretKey,
                redirectUris, Optional.empty(), authorizationCodeLifetime, clock);
    }

    public FoodinSandboxSettings withAuthorizationCodeLifetime(Duration lifetime) {
        return new FoodinSandboxSettings(host, port, testClientId, testSecretKey, liveClientId, liveSecretKey,
                redirectUris, accessTokenLifetime, lifetime, clock);
    }

    public FoodinSandboxSettings withClock(Clock newClock) {
        return new FoodinSandboxSettings(host, port, testClientId, testSecretKey, liveClientId, liveSecretKey,
                redirectUris, accessTokenLifetime, authorizationCodeLifetime, newClock);
    }

    /** The default redirect URI: the first registered. */
    public String defaultRedirectUri() {
        return redirectUris.get(0);
    }

    /** Never prints a secret key. */
    @Override
    public String toString() {
        return "FoodinSandboxSettings[host=" + host + ", port=" + port + ", testClientId=" + testClientId
                + ", liveClientId=" + liveClientId + ", secretKeys=(hidden), redirectUris=" + redirectUris
                + ", accessTokenLifetime=" + accessTokenLifetime.map(Duration::toString).orElse("until revoked")
                + ", authorizationCodeLifetime=" + authorizationCodeLifetime + "]";
    }

    private static void requireKey(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException(name + " must be non-blank, without spaces or control characters");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireAbsoluteHttpUri(String uri) {
        Objects.requireNonNull(uri, "redirect URI");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redirect URI is not a URI: " + uri);
        }
        String scheme = parsed.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || parsed.getHost() == null
                || parsed.getFragment() != null) {
            throw new IllegalArgumentException("redirect URI must be an absolute http(s) URI without fragment: " + uri);
        }
    }
}
