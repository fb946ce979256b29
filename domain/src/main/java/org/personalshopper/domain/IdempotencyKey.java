package org.personalshopper.domain;

/** A client's key that makes a cart submission happen at most once: 1 to 128 visible ASCII characters. */
public record IdempotencyKey(String value) {
    public IdempotencyKey {
        Check.matches("Idempotency-Key", value, "[\\x21-\\x7E]{1,128}", "must be 1 to 128 visible ASCII characters");
    }
}
