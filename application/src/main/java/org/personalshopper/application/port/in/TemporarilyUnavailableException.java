package org.personalshopper.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * What the use case needs of the service's own infrastructure (its database) does not answer right now:
 * nothing was acknowledged, and trying again after {@code retryAfter} is right. Any use case can end this
 * way, in any method.
 */
public final class TemporarilyUnavailableException extends UseCaseException {
    private final Duration retryAfter;

    public TemporarilyUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.temporarilyUnavailable(this);
    }
}
