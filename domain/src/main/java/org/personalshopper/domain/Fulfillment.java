package org.personalshopper.domain;

/** Ways a store offers a product. {@code inStore} means sold there, not that it is on the shelf now. */
public record Fulfillment(boolean inStore, boolean curbside, boolean delivery, boolean shipToHome) {
}
