package org.personalshopper.sandbox.kroger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link KrogerSandbox} behaves: where it listens, which app it knows (client id, secret, registered
 * redirect URIs), how long what it issues lives, its daily quotas, and the clock it reads.
 *
 * <p>Start from {@link #defaults()} and change what a test or a demo needs with the {@code with...} methods.
 */
public record SandboxSettings(
        String host,
        int port,
        String clientId,
        String clientSecret,
        List<String> redirectUris,
        Duration accessTokenLifetime,
        Duration authorizationCodeLifetime,
        Duration refreshTokenLifetime,
        SandboxQuotas dailyQuotas,
        Clock clock) {

    /** The demo app's client id; the bootstrap's demo mode uses it unless told otherwise. */
    public static final String DEMO_CLIENT_ID = "personal-shopper-sandbox";
    /** The demo app's client secret: public on purpose, it only opens the local sandbox. */
    public static final String DEMO_CLIENT_SECRET = "sandbox-secret-not-for-production";
    /** The service's default callback (design.md: {@code http://localhost:${SHOPPER_PORT}/auth/callback}). */
    public static final String DEMO_REDIRECT_URI = "http://localhost:8080/auth/callback";

    public SandboxSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, was " + port);
        }
        Objects.requireNonNull(clientId, "clientId");
        // Basic authentication splits "id:secret" at the first colon, so an id with a colon could never log in.
        if (clientId.isBlank() || clientId.contains(":")) {
            throw new IllegalArgumentException("clientId must be non-blank and free of ':'");
        }
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
        redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("at least one redirect URI must be registered");
        }
        for (String uri : redirectUris) {
            requireAbsoluteHttpUri(uri);
        }
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(authorizationCodeLifetime, "authorizationCodeLifetime");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        Objects.requireNonNull(dailyQuotas, "dailyQuotas");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loopback, any free port, the demo client ({@link #DEMO_CLIENT_ID} / {@link #DEMO_CLIENT_SECRET}),
     * redirect {@link #DEMO_REDIRECT_URI}, Kroger's lifetimes (access 1800 s, code 5 min), a refresh-token
     * life of 182 days, Kroger's published daily quotas, the system clock.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings("127.0.0.1", 0, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, List.of(DEMO_REDIRECT_URI),
                Duration.ofSeconds(1800), Duration.ofMinutes(5), Duration.ofDays(182), SandboxQuotas.kroger(),
                Clock.systemUTC());
    }

    public SandboxSettings withHost(String newHost) {
        return new SandboxSettings(newHost, port, clientId, clientSecret, redirectUris, accessTokenLifetime,
                authorizationCodeLifetime, refreshTokenLifetime, dailyQuotas, clock);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(host, newPort, clientId, clientSecret, redirectUris, accessTokenLifetime,
                authorizationCodeLifetime, refreshTokenLifetime, dailyQuotas, clock);
    }

    public SandboxSettings withClient(String newClientId, String newClientSecret) {
        return new SandboxSettings(host, port, newClientId, newClientSecret, redirectUris, accessTokenLifetime,
                authorizationCodeLifetime, refreshTokenLifetime, dailyQuotas, clock);
    }

    public SandboxSettings withRedirectUris(List<String> newRedirectUris) {
        return new SandboxSettings(host, port, clientId, clientSecret, newRedirectUris, accessTokenLifetime,
                authorizationCodeLifetime, refreshTokenLifetime, dailyQuotas, clock);
    }

    public SandboxSettings withAccessTokenLifetime(Duration lifetime) {
        return new SandboxSettings(host, port, clientId, clientSecret, redirectUris, lifetime,
                authorizationCodeLifetime, refreshTokenLifetime, dailyQuotas, clock);
    }

    public SandboxSettings withAuthorizationCodeLifetime(Duration lifetime) {
        return new SandboxSettings(host, port, clientId, clientSecret, redirectUris, accessTokenLifetime,
                lifetime, refreshTokenLifetime, dailyQuotas, clock);
    }

    public SandboxSettings withRefreshTokenLifetime(Duration lifetime) {
        return new SandboxSettings(host, port, clientId, clientSecret, redirectUris, accessTokenLifetime,
                authorizationCodeLifetime, lifetime, dailyQuotas, clock);
    }

    public SandboxSettings withDailyQuotas(SandboxQuotas quotas) {
        return new SandboxSettings(host, port, clientId, clientSecret, redirectUris, accessTokenLifetime,
                authorizationCodeLifetime, refreshTokenLifetime, quotas, clock);
    }

    public SandboxSettings withClock(Clock newClock) {
        return new SandboxSettings(host, port, clientId, clientSecret, redirectUris, accessTokenLifetime,
                authorizationCodeLifetime, refreshTokenLifetime, dailyQuotas, newClock);
    }

    /** Never prints the client secret. */
    @Override
    public String toString() {
        return "SandboxSettings[host=" + host + ", port=" + port + ", clientId=" + clientId
                + ", clientSecret=(hidden), redirectUris=" + redirectUris
                + ", accessTokenLifetime=" + accessTokenLifetime
                + ", authorizationCodeLifetime=" + authorizationCodeLifetime
                + ", refreshTokenLifetime=" + refreshTokenLifetime
                + ", dailyQuotas=" + dailyQuotas + "]";
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
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("redirect URI is not a URI: " + uri);
        }
        String scheme = parsed.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || parsed.getHost() == null
                || parsed.getFragment() != null) {
            throw new IllegalArgumentException("redirect URI must be an absolute http(s) URI without fragment: " + uri);
        }
    }
}
