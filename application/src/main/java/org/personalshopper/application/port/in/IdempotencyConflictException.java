package org.personalshopper.application.port.in;

/** A request with this idempotency key is still being carried out. */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException() {
        super("a request with this Idempotency-Key is still in progress");
    }
}
