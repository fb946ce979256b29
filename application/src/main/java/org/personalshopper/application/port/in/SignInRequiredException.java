package org.personalshopper.application.port.in;

/** The shopper's grocer connection can no longer be used (the refresh token was refused): sign in again. */
public final class SignInRequiredException extends UseCaseException {
    public SignInRequiredException(String message) {
        super(message, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.signInRequired(this);
    }
}
