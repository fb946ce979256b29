package org.personalshopper.application.port.out;

import java.util.List;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.CartItem;

/**
 * The shopper's cart at the grocer: add-only, and adding an item again raises its quantity. Implementations
 * never retry an add; a failure whose {@code mayHaveTakenEffect()} is true leaves the outcome unknown.
 */
public interface Cart {
    void add(List<CartItem> items, AccessToken shopperToken);
}
