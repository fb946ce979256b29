package org.personalshopper.adapters.web.resource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.glassfish.jersey.server.ManagedAsync;
import org.personalshopper.adapters.web.session.SessionRequired;
import org.personalshopper.adapters.web.session.ShopperPrincipal;
import org.personalshopper.application.port.in.SearchProducts;
import org.personalshopper.domain.ProductPage;
import org.personalshopper.domain.ProductQuery;
import org.personalshopper.domain.Product;
import org.personalshopper.domain.ProductId;
import org.personalshopper.domain.StockLevel;
import org.personalshopper.domain.StoreLocationId;

/** The grocer's catalog, priced at the given store or the shopper's preferred one. */
@Path("/api/products")
@SessionRequired
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class ProductResource {
    private final SearchProducts search;

    @Inject
    public ProductResource(SearchProducts search) {
        this.search = search;
    }

    public record PriceJson(BigDecimal regular, BigDecimal promo) {
    }

    public record FulfillmentJson(boolean inStore, boolean curbside, boolean delivery, boolean shipToHome) {
    }

    /** A compact product; price, fulfillment and stock only when a store is known and the grocer says. */
    public record ProductJson(String productId, String upc, String description, String brand, String size,
                              PriceJson price, FulfillmentJson fulfillment, Boolean inStock, String stockLevel,
                              String imageUrl) {
        static ProductJson of(Product p) {
            return new ProductJson(p.productId().value(), p.upc().value(), p.description(), p.brand().orElse(null),
                    p.size().orElse(null),
                    p.price().map(price -> new PriceJson(price.regular(), price.promo().orElse(null))).orElse(null),
                    p.fulfillment().map(f -> new FulfillmentJson(f.inStore(), f.curbside(), f.delivery(), f.shipToHome()))
                            .orElse(null),
                    p.stockLevel().map(level -> level != StockLevel.TEMPORARILY_OUT_OF_STOCK).orElse(null),
                    p.stockLevel().map(level -> level.name().toLowerCase(Locale.ROOT)).orElse(null),
                    p.imageUrl().map(Object::toString).orElse(null));
        }
    }

    public record ProductPageJson(List<ProductJson> items, int start, int limit, int total) {
    }

    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @GET
    public ProductPageJson search(@Context SecurityContext security, @QueryParam("term") String term,
                                  @QueryParam("locationId") String locationId, @QueryParam("brand") String brand,
                                  @QueryParam("start") String start, @QueryParam("limit") String limit) {
        Fields fields = new Fields();
        Optional<StoreLocationId> location = location(fields, locationId);
        int first = fields.integer("start", start, 0);
        int size = fields.integer("limit", limit, ProductQuery.DEFAULT_LIMIT);
        ProductQuery query = fields.checkAll(() -> new ProductQuery(term == null ? "" : term, location,
                Optional.ofNullable(brand), first, size));
        fields.throwIfInvalid();
        ProductPage page = search.search(ShopperPrincipal.of(security), query);
        return new ProductPageJson(page.items().stream().map(ProductJson::of).toList(), page.start(), page.limit(),
                page.total());
    }

    @ManagedAsync // may call a provider: runs on the provider threads (ADR 10)
    @GET
    @Path("{productId}")
    public ProductJson product(@Context SecurityContext security, @PathParam("productId") String productId,
                               @QueryParam("locationId") String locationId) {
        ProductId id = Fields.pathId("product", () -> new ProductId(productId));
        Fields fields = new Fields();
        Optional<StoreLocationId> location = location(fields, locationId);
        fields.throwIfInvalid();
        return ProductJson.of(search.find(ShopperPrincipal.of(security), id, location));
    }

    private static Optional<StoreLocationId> location(Fields fields, String raw) {
        return Fields.given(raw).map(l -> fields.check("locationId", () -> new StoreLocationId(l)));
    }
}
