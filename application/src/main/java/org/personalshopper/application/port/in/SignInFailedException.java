package org.personalshopper.application.port.in;

import java.util.Objects;

/** A sign-in could not be completed. {@code reason} says whose fault and how to answer. */
public final class SignInFailedException extends UseCaseException {
    public enum Reason {
        /** Missing, unknown, expired, used or other-browser state: the code was not sent to the grocer. */
        INVALID_STATE,
        /** The grocer (or the shopper at the grocer) refused: an {@code error} came back instead of a code. */
        DENIED,
        /** The grocer failed while we exchanged the code or read the profile: nothing was stored. */
        PROVIDER_FAILED
    }

    private final Reason reason;

    public SignInFailedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public SignInFailedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.signInFailed(this);
    }
}
