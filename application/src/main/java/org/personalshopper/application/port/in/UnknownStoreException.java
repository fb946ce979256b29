package org.personalshopper.application.port.in;

import org.personalshopper.domain.StoreLocationId;

/** A well-formed store id the grocer does not know. */
public class UnknownStoreException extends RuntimeException {
    public UnknownStoreException(StoreLocationId id) {
        super("the grocer knows no store " + id);
    }
}
