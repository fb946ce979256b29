package org.personalshopper.application.port.out;

/**
 * The store of record does not answer (no connection within the pool's timeout, the connection broke, the
 * server is shutting down). Thrown by every storage port ({@link Transactions} and the repositories) instead
 * of their technology's own exception, so callers can tell an outage from a fault: an outage passes, a
 * caller may try again later. A write that ends in this exception was not acknowledged; when the
 * connection broke during the commit it may or may not have been stored.
 */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
