package org.personalshopper.adapters.kroger;

import static org.personalshopper.adapters.http.JsonFields.list;
import static org.personalshopper.adapters.http.JsonFields.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.personalshopper.adapters.http.JsonFields;
import org.personalshopper.adapters.http.ProviderAnswer;
import org.personalshopper.adapters.http.ProviderHttp;
import org.personalshopper.adapters.http.ProviderRequest;
import org.personalshopper.application.port.out.ProductCatalog;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.AccessToken;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StoreLocationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kroger's Products API: search and details. Prices and stock come only when a store is named. */
public final class KrogerProductCatalog implements ProductCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(KrogerProductCatalog.class);
    static final String PRODUCTS_PATH = "/v1/products";
    static final String SCOPE = "product.compact";

    private final ProviderHttp http;

    KrogerProductCatalog(ProviderHttp http) {
        this.http = Objects.requireNonNull(http);
    }

    /**
     * {@code GET /v1/products?filter.term&filter.locationId&filter.brand&filter.start&filter.limit};
     * {@code filter.start} only past the first page (Kroger's range starts at 1).
     */
    @Override
    public ProductPage search(ProductQuery query, AccessToken appToken) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(appToken, "appToken");
        ProviderRequest request = ProviderRequest.get(PRODUCTS_PATH, "product search")
                .bearer(appToken)
                .needsScope(SCOPE)
                .query("filter.term", query.term());
        query.locationId().ifPresent(location -> request.query("filter.locationId", location.value()));
        query.brand().ifPresent(brand -> request.query("filter.brand", brand));
        if (query.start() > 0) {
            request.query("filter.start", Integer.toString(query.start()));
        }
        request.query("filter.limit", Integer.toString(query.limit()));

        JsonNode root = http.jsonObject(request, http.call(request));
        JsonNode data = root.get("data");
        if (data != null && !data.isNull() && !data.isArray() && !data.isObject()) {
            throw http.badResponse(request, "had data that is not a list of products");
        }
        List<JsonNode> found = list(root, "data");
        List<Product> products = new ArrayList<>(found.size());
        for (JsonNode node : found) {
            KrogerProductMapper.toProduct(node).ifPresent(products::add);
        }
        if (products.size() < found.size()) {
            LOG.debug("Kroger product search: skipped {} of {} products without id, UPC or description",
                    found.size() - products.size(), found.size());
        }
        Optional<JsonNode> pagination = object(root, "meta").flatMap(meta -> object(meta, "pagination"));
        int start = pagination.flatMap(p -> whole(p, "start")).orElse(query.start());
        int limit = pagination.flatMap(p -> whole(p, "limit")).orElse(query.limit());
        int total = pagination.flatMap(p -> whole(p, "total")).orElse(start + found.size());
        return new ProductPage(products, start, limit, total);
    }

    /** {@code GET /v1/products/{id}?filter.locationId}; empty when Kroger does not know the product. */
    @Override
    public Optional<Product> find(ProductId productId, Optional<StoreLocationId> locationId, AccessToken appToken) {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(appToken, "appToken");
        String id = productId.value().length() < KrogerProductMapper.KROGER_ID_DIGITS
                ? "0".repeat(KrogerProductMapper.KROGER_ID_DIGITS - productId.value().length()) + productId.value()
                : productId.value();
        ProviderRequest request = ProviderRequest.get(PRODUCTS_PATH + "/" + id, "product lookup")
                .bearer(appToken)
                .needsScope(SCOPE);
        locationId.ifPresent(location -> request.query("filter.locationId", location.value()));
        Optional<ProviderAnswer> answer = http.lookup(request);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = http.jsonObject(request, answer.get());
        Optional<JsonNode> product = list(root, "data").stream().findFirst();
        if (product.isEmpty()) {
            throw http.badResponse(request, "had no product");
        }
        return KrogerProductMapper.toProduct(product.get());
    }

    private static Optional<Integer> whole(JsonNode node, String field) {
        return JsonFields.decimal(node, field).filter(n -> n.signum() >= 0).map(n -> {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        });
    }
}
