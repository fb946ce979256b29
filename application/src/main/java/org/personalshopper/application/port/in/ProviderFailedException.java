package org.personalshopper.application.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.domain.ProviderFailure;

/**
 * A call to the provider failed and nothing of the shopper's changed. {@code reason} is the provider's own
 * short explanation or ours; it is safe to show (never a token or secret). {@code retryAfter} is set when
 * the provider said when to try again. The use cases raise it in place of the driven side's failure, so the
 * driving side never sees a driven-side type.
 */
public final class ProviderFailedException extends UseCaseException {
    private final ProviderFailure failure;
    private final String reason;
    private final Optional<Duration> retryAfter;

    public ProviderFailedException(ProviderFailure failure, String reason, Optional<Duration> retryAfter, Throwable cause) {
        super(failure + ": " + reason, cause);
        this.failure = Objects.requireNonNull(failure);
        this.reason = Objects.requireNonNull(reason);
        this.retryAfter = Objects.requireNonNull(retryAfter);
    }

    public ProviderFailedException(ProviderFailure failure, String reason) {
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

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.providerFailed(this);
    }
}
