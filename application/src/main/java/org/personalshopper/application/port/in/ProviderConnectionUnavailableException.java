package org.personalshopper.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * The shopper's token needed refreshing and the grocer could not be reached (5xx, timeout, reset). The
 * stored tokens are untouched; trying again later is right.
 */
public final class ProviderConnectionUnavailableException extends UseCaseException {
    private final Optional<Duration> retryAfter;

    public ProviderConnectionUnavailableException(Optional<Duration> retryAfter, Throwable cause) {
        super("the grocer could not refresh the shopper's token right now", cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.providerConnectionUnavailable(this);
    }
}
