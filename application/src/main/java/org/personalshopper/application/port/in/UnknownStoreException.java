package org.personalshopper.application.port.in;

import org.personalshopper.domain.StoreLocationId;

/** A well-formed store id the grocer does not know. */
public final class UnknownStoreException extends UseCaseException {
    public UnknownStoreException(StoreLocationId id) {
        super("the grocer knows no store " + id, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.unknownStore(this);
    }
}
