package org.personalshopper.application.port.in;

/** The shopper already keeps as many of these as allowed. */
public class LimitReachedException extends RuntimeException {
    public LimitReachedException(String message) {
        super(message);
    }
}
