package org.personalshopper.application.port.out;

import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import java.util.Optional;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StoreLocationId;

/** The grocer's product catalog. An empty search is an empty page, not an error. */
public interface ProductCatalog {
    ProductPage search(ProductQuery query, AccessToken appToken);

    Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken);
}
