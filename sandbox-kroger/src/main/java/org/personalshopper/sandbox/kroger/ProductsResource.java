package org.personalshopper.sandbox.kroger;

import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.personalshopper.sandbox.kroger.SandboxCatalog.CatalogProduct;
import org.personalshopper.sandbox.kroger.SandboxStores.Store;

/** Kroger Products: search and details, with store facts only when {@code filter.locationId} names a store. */
@Path("v1/products")
public final class ProductsResource {

    private static final int MAX_PRODUCT_IDS = 50;
    private static final int MAX_TERM_WORDS = 8;

    private final AccessGate gate;
    private final KrogerResponses responses;
    private final SandboxCatalog catalog;
    private final SandboxStores stores;

    @Inject
    ProductsResource(SandboxContext context) {
        this.gate = context.gate();
        this.responses = context.responses();
        this.catalog = context.catalog();
        this.stores = context.stores();
    }

    @GET
    public Response search(@HeaderParam("Authorization") String authorization, @Context UriInfo uri,
            @QueryParam("filter.term") String term,
            @QueryParam("filter.brand") String brand,
            @QueryParam("filter.productId") String productIds,
            @QueryParam("filter.locationId") String locationId,
            @QueryParam("filter.fulfillment") String fulfillment,
            @QueryParam("filter.start") String start,
            @QueryParam("filter.limit") String limit) {
        gate.tokenWithScope(authorization, Scopes.PRODUCT_COMPACT);
        int pageLimit = QueryParams.intInRange(limit, 10, 1, 50, responses,
                "Field 'limit' must be a number between 1 and 50 (inclusive)");
        // The spec's range is 1-250; the first page is asked for by leaving filter.start out.
        int pageStart = QueryParams.intInRange(start, 0, 1, 250, responses,
                "Field 'start' must be a number between 1 and 250 (inclusive)");
        List<String> ids = productIds(productIds);
        List<String> termWords = termWords(term);
        Set<String> brands = brands(brand);
        if (ids.isEmpty() && termWords.isEmpty() && brands.isEmpty()) {
            throw responses.invalidParameter("One of filter.term, filter.brand or filter.productId is required");
        }
        Set<String> fulfillmentCodes = fulfillment(fulfillment);
        Optional<String> location = locationId(locationId);
        Optional<Store> store = location.flatMap(stores::byId);

        List<CatalogProduct> matches = location.isPresent() && store.isEmpty()
                ? List.of() // Kroger returns only what the named store carries; an unknown store carries nothing.
                : catalog.search(new SandboxCatalog.Search(ids, termWords, brands, store, fulfillmentCodes));
        ArrayNode data = responses.mapper().createArrayNode();
        String base = baseUri(uri);
        matches.stream().skip(pageStart).limit(pageLimit).forEach(p -> data.add(catalog.toJson(p, base, store)));
        ObjectNode meta = responses.object();
        meta.putObject("pagination").put("start", pageStart).put("limit", pageLimit).put("total", matches.size());
        return responses.data(data, meta);
    }

    @GET
    @Path("{id}")
    public Response details(@HeaderParam("Authorization") String authorization, @Context UriInfo uri,
            @PathParam("id") String id, @QueryParam("filter.locationId") String locationId) {
        gate.tokenWithScope(authorization, Scopes.PRODUCT_COMPACT);
        if (id.length() != 13) {
            throw responses.invalidParameter("UPC must have a length of 13 characters");
        }
        Optional<Store> store = locationId(locationId).flatMap(stores::byId);
        CatalogProduct product = catalog.byId(id)
                .orElseThrow(() -> responses.apiError(404, "PRODUCT-4040-404", "Product not found"));
        return responses.data(catalog.toJson(product, baseUri(uri), store), responses.object());
    }

    private Optional<String> locationId(String locationId) {
        if (locationId == null || locationId.isEmpty()) {
            return Optional.empty();
        }
        if (locationId.length() != 8) {
            throw responses.invalidParameter("Field 'locationId' must have a length of 8 characters");
        }
        return Optional.of(locationId);
    }

    private List<String> productIds(String productIds) {
        List<String> ids = new ArrayList<>();
        if (productIds == null || productIds.isBlank()) {
            return ids;
        }
        for (String id : productIds.split(",")) {
            String trimmed = id.strip();
            if (trimmed.length() != 13) {
                throw responses.invalidParameter("Field 'productId' must have a length of 13 characters");
            }
            ids.add(trimmed);
        }
        if (ids.size() > MAX_PRODUCT_IDS) {
            throw responses.invalidParameter("Field 'productId' accepts at most " + MAX_PRODUCT_IDS + " ids");
        }
        return ids;
    }

    private List<String> termWords(String term) {
        if (term == null || term.isEmpty()) {
            return List.of();
        }
        if (term.strip().length() < 3) {
            throw responses.invalidParameter("Field 'term' must have a length of at least 3 characters");
        }
        List<String> words = SandboxCatalog.words(term);
        if (term.strip().split("\\s+").length > MAX_TERM_WORDS) {
            throw responses.invalidParameter("Field 'term' must have at most " + MAX_TERM_WORDS + " words");
        }
        if (words.isEmpty()) {
            throw responses.invalidParameter("Field 'term' must contain a letter or digit");
        }
        return words;
    }

    private static Set<String> brands(String brand) {
        Set<String> brands = new LinkedHashSet<>();
        if (brand != null) {
            for (String b : brand.split("\\|")) {
                if (!b.isBlank()) {
                    brands.add(b.strip());
                }
            }
        }
        return brands;
    }

    private Set<String> fulfillment(String fulfillment) {
        Set<String> codes = new LinkedHashSet<>();
        if (fulfillment == null || fulfillment.isBlank()) {
            return codes;
        }
        for (String code : fulfillment.split(",")) {
            String trimmed = code.strip();
            if (!SandboxCatalog.FULFILLMENT_CODES.contains(trimmed)) {
                throw responses.invalidParameter("Field 'fulfillment' must be one of the following codes: ais, csp, dth, sth");
            }
            codes.add(trimmed);
        }
        return codes;
    }

    static String baseUri(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
