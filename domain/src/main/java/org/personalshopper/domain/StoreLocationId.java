package org.personalshopper.domain;

/** A store at the provider: its location id, 8 letters or digits. */
public record StoreLocationId(String value) {
    public StoreLocationId {
        Check.matches("locationId", value, "[A-Za-z0-9]{8}", "must be 8 letters or digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
