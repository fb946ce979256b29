package org.personalshopper.domain;

import java.util.UUID;

/** Our own id for a shopper; never the provider's profile id. */
public record ShopperId(UUID value) {
    public ShopperId {
        Check.requireNonNull(value, "shopper id");
    }

    public static ShopperId random() {
        return new ShopperId(UUID.randomUUID());
    }

    public static ShopperId parse(String text) {
        return new ShopperId(Check.uuid("shopperId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
