package org.personalshopper.domain;

/** The provider's product id: 1 to 14 digits. */
public record ProductId(String value) {
    public ProductId {
        Check.matches("productId", value, "[0-9]{1,14}", "must be 1 to 14 digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
