package org.personalshopper.adapters.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one provider's API lives and how long to wait for it, as {@link ProviderHttp} needs it.
 *
 * @param name            the provider as shoppers and operators know it ("Kroger"), used in every failure reason
 * @param baseUrl         scheme and host (and port); request paths are appended as they are
 * @param connectTimeout  how long to wait for a TCP/TLS connection
 * @param requestTimeout  how long to wait for the answer's headers once connected
 * @param credentialsHint what an operator should check when the provider refuses this app's client credentials,
 *                        e.g. "check KROGER_CLIENT_ID and KROGER_CLIENT_SECRET"
 */
public record ProviderEndpoint(String name, URI baseUrl, Duration connectTimeout, Duration requestTimeout,
                               String credentialsHint) {
    public ProviderEndpoint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a provider endpoint needs a name");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(name + " base URL must be absolute with a host");
        }
        if (baseUrl.getRawPath() != null && baseUrl.getRawPath().endsWith("/")) {
            // Paths start with '/': a trailing one here would double it.
            throw new IllegalArgumentException(name + " base URL must not end with '/'");
        }
        checkPositive(name, "connectTimeout", connectTimeout);
        checkPositive(name, "requestTimeout", requestTimeout);
        Objects.requireNonNull(credentialsHint, "credentialsHint");
    }

    private static void checkPositive(String provider, String what, Duration timeout) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(provider + " " + what + " must be positive");
        }
    }
}
