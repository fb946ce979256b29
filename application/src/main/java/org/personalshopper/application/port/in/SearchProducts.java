package org.personalshopper.application.port.in;

import java.util.Optional;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** Searches the grocer's catalog; without a store given, at the shopper's preferred store (for prices). */
public interface SearchProducts {
    /**
     * {@code query.locationId()} empty means: the shopper's preferred store, if any.
     */
    ProductPage search(ShopperId shopperId, ProductQuery query);

    /** @throws NotFoundException when the grocer has no such product */
    Product find(ShopperId shopperId, ProductId productId, Optional<StoreLocationId> locationId);
}
