package org.personalshopper.application.port.in;

/** The shopper already keeps as many of these as allowed. */
public final class LimitReachedException extends UseCaseException {
    public LimitReachedException(String message) {
        super(message, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.limitReached(this);
    }
}
