package org.personalshopper.application.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ProviderFailure;

/**
 * A call to the provider, needed to carry out the request, failed; nothing was changed. {@code reason} is
 * safe to show; {@code retryAfter} is set when the provider said when to try again.
 */
public class ProviderCallFailedException extends RuntimeException {
    private final ProviderFailure failure;
    private final String reason;
    private final Optional<Duration> retryAfter;

    public ProviderCallFailedException(ProviderFailure failure, String reason, Optional<Duration> retryAfter, Throwable cause) {
        super(failure + ": " + reason, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public ProviderFailure failure() {
        return failure;
    }

    public String reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
