package org.personalshopper.application.service;

import java.util.Objects;
import java.util.Optional;
import org.personalshopper.application.port.in.NotFoundException;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.application.port.out.ProviderException;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.application.port.out.ShopperRepository;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.Shopper;
import org.personalshopper.domain.ShopperId;
import org.personalshopper.domain.StoreLocationId;

/** Catalog search with the app token; at the shopper's preferred store when no store is given, for prices. */
public final class SearchProductsService implements SearchProducts {
    private final ShopperRepository shoppers;
    private final ProductCatalog catalog;
    private final AppTokens appTokens;

    public SearchProductsService(ShopperRepository shoppers, ProductCatalog catalog, AppTokens appTokens) {
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.appTokens = Objects.requireNonNull(appTokens, "appTokens");
    }

    @Override
    public ProductPage search(ShopperId shopperId, ProductQuery query) {
        Objects.requireNonNull(query, "query");
        ProductQuery atStore = query.locationId().isPresent() ? query
                : new ProductQuery(query.term(), preferredStore(shopperId), query.brand(), query.start(), query.limit());
        try {
            return appTokens.withAppToken(token -> catalog.search(atStore, token));
        } catch (ProviderException e) {
            throw ProviderOutcomes.failed(e);
        }
    }

    @Override
    public Product find(ShopperId shopperId, ProductId productId, Optional<StoreLocationId> locationId) {
        Objects.requireNonNull(productId, "productId");
        Optional<StoreLocationId> store = locationId.isPresent() ? locationId : preferredStore(shopperId);
        Optional<Product> found;
        try {
            found = appTokens.withAppToken(token -> catalog.find(productId, store, token));
        } catch (ProviderException e) {
            throw ProviderOutcomes.failed(e);
        }
        return found.orElseThrow(() -> new NotFoundException("product"));
    }

    private Optional<StoreLocationId> preferredStore(ShopperId shopperId) {
        return shoppers.find(shopperId).flatMap(Shopper::preferredLocation);
    }
}
