package org.personalshopper.application.port.in;

import java.time.Duration;
import java.util.Objects;

/** Too many of these requests right now: nothing was done; the caller may try again after {@code retryAfter}. */
public final class RateLimitedException extends UseCaseException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.rateLimited(this);
    }
}
