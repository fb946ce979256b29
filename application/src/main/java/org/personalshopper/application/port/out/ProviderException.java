package org.personalshopper.application.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ProviderFailure;

/**
 * A call to the grocer failed. {@code reason} is the grocer's own short explanation or ours; it is safe to
 * show (never a token or secret). {@code retryAfter} is set when the grocer said when to try again.
 */
public class ProviderException extends RuntimeException {
    private final ProviderFailure failure;
    private final String reason;
    private final Optional<Duration> retryAfter;

    public ProviderException(ProviderFailure failure, String reason, Optional<Duration> retryAfter, Throwable cause) {
        super(failure + ": " + reason, cause);
        this.failure = Objects.requireNonNull(failure);
        this.reason = Objects.requireNonNull(reason);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    public ProviderException(ProviderFailure failure, String reason) {
        this(failure, reason, Optional.empty(), null);
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
