package org.personalshopper.domain;

/** A client's key that makes a cart submission happen at most once: 1 to 128 visible ASCII characters. */
public record IdempotencyKey(String value) {
    private static final Check.Chars VISIBLE_ASCII = Check.Chars.of("!-~");

    public IdempotencyKey {
        Check.chars("Idempotency-Key", value, VISIBLE_ASCII, 1, 128, "must be 1 to 128 visible ASCII characters");
    }
}
