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
 * @param signInsPerClient    sign-ins one client address may start per minute
 * @param signInsTotal        sign-ins all clients together may start per minute
 */
public record WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge, long maxBodyBytes,
                          int signInsPerClient, int signInsTotal) {
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
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
        if (signInsPerClient < 1 || signInsTotal < signInsPerClient) {
            throw new IllegalArgumentException("need 1 <= signInsPerClient <= signInsTotal");
        }
    }

    public WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge, long maxBodyBytes) {
        this(publicOrigin, secureCookies, sessionCookieMaxAge, maxBodyBytes, DEFAULT_SIGN_INS_PER_CLIENT, DEFAULT_SIGN_INS_TOTAL);
    }

    /** True when browsers see this service over https: then HSTS is sent and the session cookie is {@code __Host-}. */
    public boolean httpsOrigin() {
        return "https".equalsIgnoreCase(publicOrigin.getScheme());
    }

    /** With the default body limit of 64 KiB. */
    public WebSettings(URI publicOrigin, boolean secureCookies, Duration sessionCookieMaxAge) {
        this(publicOrigin, secureCookies, sessionCookieMaxAge, DEFAULT_MAX_BODY_BYTES);
    }

    /** The origin of a redirect URI such as {@code https://shop.example/auth/callback}, and Secure when https. */
    public static WebSettings fromRedirectUri(URI redirectUri, Duration sessionCookieMaxAge) {
        Objects.requireNonNull(redirectUri, "redirectUri");
        URI origin = URI.create(redirectUri.getScheme() + "://" + redirectUri.getRawAuthority());
        return new WebSettings(origin, "https".equalsIgnoreCase(redirectUri.getScheme()), sessionCookieMaxAge);
    }
}
