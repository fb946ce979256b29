package org.personalshopper.application.port.in;

/**
 * The shopper used this idempotency key earlier for a different request: the first answer would be wrong
 * for this one, and sending it would not be a repeat (the IETF Idempotency-Key draft's 422).
 */
public final class IdempotencyKeyReusedException extends UseCaseException {
    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request; use a new key for a new request", null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.idempotencyKeyReused(this);
    }
}
