package org.personalshopper.domain;

/**
 * What became of a cart submission. {@code UNKNOWN}: the request may have reached the grocer (timeout,
 * reset, 5xx) and the cart cannot be read back, so it is never retried automatically.
 */
public enum CartOutcome {
    PENDING, ADDED, FAILED, UNKNOWN
}
