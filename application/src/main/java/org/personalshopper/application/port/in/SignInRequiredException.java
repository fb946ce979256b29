package org.personalshopper.application.port.in;

/** The shopper's grocer connection can no longer be used (the refresh token was refused): sign in again. */
public class SignInRequiredException extends RuntimeException {
    public SignInRequiredException(String message) {
        super(message);
    }
}
