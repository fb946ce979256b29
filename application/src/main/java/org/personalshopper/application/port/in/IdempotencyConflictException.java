package org.personalshopper.application.port.in;

/** A request with this idempotency key is still being carried out. */
public final class IdempotencyConflictException extends UseCaseException {
    public IdempotencyConflictException() {
        super("a request with this Idempotency-Key is still in progress", null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.idempotencyConflict(this);
    }
}
