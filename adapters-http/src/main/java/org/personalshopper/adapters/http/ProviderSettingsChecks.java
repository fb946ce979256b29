package org.personalshopper.adapters.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The checks every provider adapter's settings make on its base URL, redirect URI, credentials and timeouts,
 * written once; each message starts with the provider's name and the setting's, and never repeats a secret.
 */
public final class ProviderSettingsChecks {
    private ProviderSettingsChecks() {
    }

    /**
     * An absolute http(s) URL of scheme, host and port only, normalised to that (paths are appended to it);
     * {@code shape} says in words what was expected, for the message.
     */
    public static URI origin(String provider, String name, URI url, String shape) {
        Objects.requireNonNull(url, provider + " " + name + " is required");
        httpAbsolute(provider, name, url);
        String path = url.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(provider + " " + name + " must be " + shape);
        }
        String port = url.getPort() == -1 ? "" : ":" + url.getPort();
        return URI.create(url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + port);
    }

    /** The callback the provider redirects to: absolute http(s), no fragment (RFC 6749 section 3.1.2). */
    public static URI redirectUri(String provider, URI uri) {
        Objects.requireNonNull(uri, provider + " redirectUri is required");
        httpAbsolute(provider, "redirectUri", uri);
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(provider + " redirectUri must not have a fragment");
        }
        return uri;
    }

    /** A client id or secret: present, and free of spaces and control characters (they go into headers and forms). */
    public static String credential(String provider, String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(provider + " " + name + " is required");
        }
        if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException(provider + " " + name + " must not contain spaces or control characters");
        }
        return value;
    }

    public static Duration positive(String provider, String name, Duration timeout) {
        Objects.requireNonNull(timeout, provider + " " + name + " is required");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(provider + " " + name + " must be positive");
        }
        return timeout;
    }

    private static void httpAbsolute(String provider, String name, URI uri) {
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(provider + " " + name + " must be an absolute http(s) URL with a host");
        }
    }
}
