package org.personalshopper.application.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StoreLocationId;

/** A catalog that matches products whose description contains the term; records each query it was asked. */
public final class FakeProductCatalog implements ProductCatalog {
    public record Lookup(ProductId productId, Optional<StoreLocationId> locationId) {
    }

    private final Map<ProductId, Product> products = new ConcurrentHashMap<>();
    private final List<ProductQuery> searches = new CopyOnWriteArrayList<>();
    private final List<Lookup> lookups = new CopyOnWriteArrayList<>();

    @Override
    public ProductPage search(ProductQuery query, AccessToken appToken) {
        searches.add(query);
        List<Product> matching = products.values().stream()
                .filter(p -> p.description().toLowerCase().contains(query.term().toLowerCase())).toList();
        List<Product> page = matching.stream().skip(query.start()).limit(query.limit()).toList();
        return new ProductPage(page, query.start(), query.limit(), matching.size());
    }

    @Override
    public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
        lookups.add(new Lookup(productId, locationId));
        return Optional.ofNullable(products.get(productId));
    }

    public void add(Product product) {
        products.put(product.productId(), product);
    }

    public List<ProductQuery> searches() {
        return List.copyOf(searches);
    }

    public List<Lookup> lookups() {
        return List.copyOf(lookups);
    }
}
