package org.personalshopper.domain;

import java.net.URI;
import java.util.Optional;

/**
 * A product as a shopper needs it to choose: price, fulfillment and stock are known only when a store
 * was given, and may be missing even then.
 */
public record Product(ProductId productId, Upc upc, String description, Optional<String> brand, Optional<String> size,
                      Optional<Price> price, Optional<Fulfillment> fulfillment, Optional<StockLevel> stockLevel,
                      Optional<URI> imageUrl) {
    public Product {
        Check.requireNonNull(productId, "productId");
        Check.requireNonNull(upc, "upc");
        Check.requireNonNull(description, "description");
        Check.requireNonNull(brand, "brand");
        Check.requireNonNull(size, "size");
        Check.requireNonNull(price, "price");
        Check.requireNonNull(fulfillment, "fulfillment");
        Check.requireNonNull(stockLevel, "stockLevel");
        Check.requireNonNull(imageUrl, "imageUrl");
    }
}
