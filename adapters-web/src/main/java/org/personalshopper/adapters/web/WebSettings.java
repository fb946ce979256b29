package org.personalshopper.adapters.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What the HTTP layer needs from the configuration.
 *
 * @param publicOrigin        {@code scheme://host[:port]} browsers see this service at (from KROGER_REDIRECT_URI);
 *                            state-changing requests from any other {@code Origin} are refused
 * @param secureCookies       cookies get {@code Secure} (true when the redirect URI is https)
 * @param sessionCookieMaxAge Max-Age of the session cookie (the session's absolute lifetime)
 * @param maxBodyBytes        largest request body accepted
 * @param bodyTimeout         how long a request body may take to arrive, in all; a slower sender gets 408
 * @param requestThreads      Grizzly's worker threads: they run every request that needs no provider (session,
 *                            database, JSON), so they are sized for the CPUs, not for waiting
 * @param providerThreads     threads for the resource methods that may call a provider, and for requests whose
 *                            body has not fully arrived: sized for waiting (a provider may take its 10 s timeout)
 * @param signInsPerClient    sign-ins one client address may start per minute
 * @param signInsTotal        sign-ins all clients together may start per minute
 */
public record WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge, long maxBodyBytes,
                          Duration bodyTimeout, int requestThreads, int providerThreads, int signInsPerClient,
                          int signInsTotal) {
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(10);
    /** Two per CPU, at least two: the work they run waits little (a query, a write), so more would only queue on the CPUs. */
    public static final int DEFAULT_REQUEST_THREADS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
    public static final int DEFAULT_PROVIDER_THREADS = 64;
    public static final int MAX_THREADS = 1024;
    public static final int DEFAULT_SIGN_INS_PER_CLIENT = 20;
    public static final int DEFAULT_SIGN_INS_TOTAL = 600;

    public WebSettings {
        Objects.requireNonNull(publicOrigin, "publicOrigin");
        String scheme = publicOrigin.getScheme() == null ? "" : publicOrigin.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || publicOrigin.getHost() == null
                || !(publicOrigin.getRawPath() == null || publicOrigin.getRawPath().isEmpty())
                || publicOrigin.getRawQuery() != null || publicOrigin.getRawFragment() != null
                || publicOrigin.getRawUserInfo() != null) {
            throw new IllegalArgumentException("publicOrigin must be scheme://host[:port], e.g. https://shop.example");
        }
        Objects.requireNonNull(sessionCookieMaxAge, "sessionCookieMaxAge");
        if (sessionCookieMaxAge.isNegative() || sessionCookieMaxAge.isZero()) {
            throw new IllegalArgumentException("sessionCookieMaxAge must be positive");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("bodyTimeout must be at least 100 ms");
        }
        if (requestThreads < 2 || requestThreads > MAX_THREADS) {
            throw new IllegalArgumentException("requestThreads must be between 2 and " + MAX_THREADS);
        }
        if (providerThreads < 2 || providerThreads > MAX_THREADS) {
            throw new IllegalArgumentException("providerThreads must be between 2 and " + MAX_THREADS);
        }
        if (signInsPerClient < 1 || signInsTotal < signInsPerClient) {
            throw new IllegalArgumentException("need 1 <= signInsPerClient <= signInsTotal");
        }
    }

    /** With the default sign-in limits. */
    public WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge, long maxBodyBytes,
                       Duration bodyTimeout, int requestThreads) {
        this(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, bodyTimeout, requestThreads,
                DEFAULT_PROVIDER_THREADS, DEFAULT_SIGN_INS_PER_CLIENT, DEFAULT_SIGN_INS_TOTAL);
    }

    /** With the default body limit of 64 KiB, body timeout and threads. */
    public WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge) {
        this(publicOrigin, secureCookies, sessionCookieMaxAge, DEFAULT_MAX_BODY_BYTES);
    }

    /** With the default body timeout and threads. */
    public WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge, long maxBodyBytes) {
        this(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, DEFAULT_BODY_TIMEOUT, DEFAULT_REQUEST_THREADS);
    }

    public WebSettings withBodyTimeout(Duration timeout) {
        return new WebSettings(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, timeout, requestThreads,
                providerThreads, signInsPerClient, signInsTotal);
    }

    public WebSettings withRequestThreads(int threads) {
        return new WebSettings(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, bodyTimeout, threads,
                providerThreads, signInsPerClient, signInsTotal);
    }

    public WebSettings withProviderThreads(int threads) {
        return new WebSettings(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, bodyTimeout, requestThreads,
                threads, signInsPerClient, signInsTotal);
    }

    public WebSettings withSignInLimits(int perClient, int total) {
        return new WebSettings(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, bodyTimeout, requestThreads,
                providerThreads, perClient, total);
    }

    /** True when browsers see this service over https: then HSTS is sent and the session cookie is {@code __Host-}. */
    public boolean httpsOrigin() {
        return "https".equalsIgnoreCase(publicOrigin.getScheme());
    }

    /** The origin of a redirect URI such as {@code https://shop.example/auth/callback}, and Secure when https. */
    public static WebSettings fromRedirectUri(URI redirectUri, Duration sessionCookieMaxAge) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        URI origin = URI.create(redirectUri.getScheme() + "://" + redirectUri.getRawAuthority());
        return new WebSettings(origin, "https".equalsIgnoreCase(redirectUri.getScheme()), sessionCookieMaxAge);
    }
}
